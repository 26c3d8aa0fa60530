/**
 * Command-line parsing with `node:util` parseArgs.
 */
import { parseArgs } from 'node:util';

/** A parsed command line. */
export type CliArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string }
  | {
      readonly kind: 'policy' | 'doctor';
      readonly ids: readonly string[];
      readonly region: string | undefined;
      readonly json: boolean;
      readonly batch: boolean;
      readonly read: boolean;
    };

/**
 * Parses `argv` (without `node` and the script).
 *
 * @param argv - the arguments
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals[0] === 'help') return { kind: 'help' };
  const [command, ...ids] = positionals;
  if (command === undefined) return { kind: 'usage-error', message: 'missing command: policy or doctor' };
  if (command !== 'policy' && command !== 'doctor') {
    return { kind: 'usage-error', message: `unknown command "${command}": use policy or doctor` };
  }
  if (ids.length === 0)
    return { kind: 'usage-error', message: `${command}: give at least one secret name or ARN` };
  if (command === 'doctor' && ids.length > 1)
    return { kind: 'usage-error', message: 'doctor: give exactly one secret' };
  if (values.region !== undefined && values.region.length === 0) {
    return { kind: 'usage-error', message: '--region needs a value' };
  }
  return {
    kind: command,
    ids,
    region: values.region,
    json: values.json === true,
    batch: values['no-batch'] !== true,
    read: values['no-read'] !== true,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      region: { type: 'string', short: 'r' },
      json: { type: 'boolean' },
      'no-batch': { type: 'boolean' },
      'no-read': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
