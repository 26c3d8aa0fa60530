/**
 * The CLI without the process: parses arguments, runs a command, returns the exit code.
 */
import { parseCliArgs } from './args.js';
import { type ClientFactory, pickRegion, sdkClients } from './clients.js';
import { doctorCommand, policyCommand, reportAwsError } from './commands.js';
import { costCommand } from './cost.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { HELP } from './help.js';
import { type CliIo, processIo } from './io.js';

/**
 * Runs `secretkit` with `argv` (without `node` and the script).
 *
 * @param argv - the arguments
 * @param io - output (default: the process's stdout/stderr)
 * @param makeClients - creates AWS clients for a region (default: real SDK clients)
 * @returns the exit code (see `EXIT`)
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo,
  makeClients: ClientFactory = sdkClients,
): Promise<ExitCode> {
  if (argv[0] === 'cost') return costCommand(argv.slice(1), io, makeClients); // #13 (src/cli/cost.ts)
  const args = parseCliArgs(argv);
  if (args.kind === 'help') {
    io.out(HELP);
    return EXIT.ok;
  }
  if (args.kind === 'usage-error') {
    io.err(`secretkit: ${args.message}`);
    io.err('Run `secretkit --help` for usage.');
    return EXIT.usage;
  }
  let clients: ReturnType<ClientFactory>;
  try {
    clients = makeClients(pickRegion(args.region, args.ids));
  } catch (error) {
    return reportAwsError(io, error, args.json);
  }
  if (args.kind === 'policy')
    return policyCommand(io, clients, args.ids, { json: args.json, batch: args.batch });
  return doctorCommand(io, clients, args.ids[0] ?? '', { json: args.json, read: args.read });
}
