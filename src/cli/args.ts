/**
 * Command-line parsing: `node:util` parseArgs tokenizes; the checks and their messages are ours
 * (Node's own messages name its API and quote unevenly).
 */
import { parseArgs } from 'node:util';
import type { CliCommand, CliOption, CliOptions, OptionValues } from './command.js';
import { GLOBAL_OPTIONS } from './global-options.js';

/** A parsed command line. */
export type CliArgs =
  | { readonly kind: 'help'; readonly command?: CliCommand | undefined }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string; readonly command?: CliCommand | undefined }
  | {
      readonly kind: 'run';
      readonly command: CliCommand;
      readonly args: readonly string[];
      readonly options: OptionValues;
      readonly region: string | undefined;
      readonly json: boolean;
    };

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** Every option any command knows, so that the tokenizer knows which ones take a value. */
function allOptions(
  commands: readonly CliCommand[],
): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const out: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const options of [GLOBAL_OPTIONS, ...commands.map((c) => c.options ?? {})]) {
    for (const [name, o] of Object.entries(options)) {
      out[name] = o.short === undefined ? { type: o.type } : { type: o.type, short: o.short };
    }
  }
  return out;
}

function dashed(token: Extract<Token, { kind: 'option' }>): string {
  return token.rawName.startsWith('--') ? `--${token.name}` : token.rawName;
}

/** The command named by the first positionals (longest match), and how many words it used. */
function findCommand(
  commands: readonly CliCommand[],
  positionals: readonly string[],
): { command: CliCommand; words: number } | undefined {
  let found: { command: CliCommand; words: number } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((w, i) => positionals[i] === w) && (found === undefined || words.length > found.words)) {
      found = { command, words: words.length };
    }
  }
  return found;
}

function unknownCommand(commands: readonly CliCommand[], positionals: readonly string[]): string {
  const first = positionals[0] ?? '';
  const group = commands.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name);
  if (group.length > 0) {
    const sub = positionals[1];
    return sub === undefined
      ? `"${first}" needs a subcommand: ${group.join(', ')}`
      : `unknown command "${first} ${sub}": use ${group.join(', ')}`;
  }
  return `unknown command "${first}": use ${commands.map((c) => c.name).join(', ')}`;
}

/** Checks the option tokens against what the command accepts; returns a message or undefined. */
function checkOptions(tokens: readonly Token[], accepted: CliOptions, where: string): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== 'option') continue;
    const option: CliOption | undefined = accepted[token.name];
    if (option === undefined) return `unknown option ${dashed(token)} for ${where}`;
    if (option.type === 'boolean' && token.inlineValue === true) return `${dashed(token)} takes no value`;
    if (option.type === 'string') {
      const value = token.value;
      if (
        value === undefined ||
        value.length === 0 ||
        (token.inlineValue !== true && value.startsWith('-'))
      ) {
        return `${dashed(token)} needs a value${option.valueName ? ` ${option.valueName}` : ''}`;
      }
    }
  }
  return undefined;
}

/**
 * Parses `argv` (without `node` and the script).
 *
 * @param argv - the arguments
 * @param commands - the commands to recognise
 */
export function parseCliArgs(argv: readonly string[], commands: readonly CliCommand[]): CliArgs {
  let tokens: Token[];
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: false,
      tokens: true,
      options: allOptions(commands),
    });
    tokens = parsed.tokens;
    values = parsed.values;
  } catch {
    return { kind: 'usage-error', message: 'could not read the command line' };
  }
  const positionals = tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : []));
  if (values['version'] === true && positionals.length === 0) return { kind: 'version' };
  if (positionals[0] === 'help') {
    if (positionals.length === 1) return { kind: 'help' };
    const found = findCommand(commands, positionals.slice(1));
    if (found === undefined)
      return { kind: 'usage-error', message: unknownCommand(commands, positionals.slice(1)) };
    return { kind: 'help', command: found.command };
  }
  if (positionals.length === 0) {
    if (values['help'] === true) return { kind: 'help' };
    const misplaced = checkOptions(tokens, GLOBAL_OPTIONS, 'secretkit');
    if (misplaced !== undefined) return { kind: 'usage-error', message: misplaced };
    return { kind: 'usage-error', message: `missing command: ${commands.map((c) => c.name).join(', ')}` };
  }
  const found = findCommand(commands, positionals);
  if (found === undefined) {
    if (values['help'] === true) return { kind: 'help' };
    return { kind: 'usage-error', message: unknownCommand(commands, positionals) };
  }
  const { command } = found;
  if (values['help'] === true) return { kind: 'help', command };
  const where = `"secretkit ${command.name}"`;
  const problem = checkOptions(tokens, { ...GLOBAL_OPTIONS, ...command.options }, where);
  if (problem !== undefined) return { kind: 'usage-error', message: problem, command };
  if (values['version'] === true)
    return { kind: 'usage-error', message: '--version takes no command', command };
  const args = positionals.slice(found.words);
  if (args.length < command.minArgs) {
    const what =
      command.maxArgs === 1 ? `exactly one ${command.argLabel}` : `at least one ${command.argLabel}`;
    return { kind: 'usage-error', message: `${command.name}: give ${what}`, command };
  }
  if (command.maxArgs !== undefined && args.length > command.maxArgs) {
    const what = command.maxArgs === 1 ? `exactly one ${command.argLabel}` : `at most ${command.maxArgs}`;
    return { kind: 'usage-error', message: `${command.name}: give ${what} (got ${args.length})`, command };
  }
  const options: Record<string, string | boolean | undefined> = {};
  for (const [name, value] of Object.entries(values)) {
    options[name] = Array.isArray(value) ? value.at(-1) : value;
  }
  const region = typeof options['region'] === 'string' ? options['region'] : undefined;
  return { kind: 'run', command, args, options, region, json: options['json'] === true };
}
