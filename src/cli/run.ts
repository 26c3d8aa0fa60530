/**
 * The CLI without the process: parses arguments, runs a command, returns the exit code.
 */
import { VERSION } from '../version.js';
import { parseCliArgs } from './args.js';
import { type ClientFactory, pickRegion, sdkClients } from './clients.js';
import type { CliCommand } from './command.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { commandHelp, globalHelp } from './help.js';
import { type CliIo, processIo } from './io.js';
import { COMMANDS } from './registry.js';

/**
 * Runs `secretkit` with `argv` (without `node` and the script).
 *
 * @param argv - the arguments
 * @param io - output (default: the process's stdout/stderr)
 * @param makeClients - creates AWS clients for a region (default: real SDK clients)
 * @param commands - the commands (default: every registered command)
 * @returns the exit code (see `EXIT`)
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo,
  makeClients: ClientFactory = sdkClients,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<ExitCode> {
  const parsed = parseCliArgs(argv, commands);
  switch (parsed.kind) {
    case 'version':
      io.out(`secretkit ${VERSION}`);
      return EXIT.ok;
    case 'help':
      io.out(parsed.command === undefined ? globalHelp(commands) : commandHelp(parsed.command));
      return EXIT.ok;
    case 'usage-error': {
      const helpFor =
        parsed.command === undefined ? 'secretkit --help' : `secretkit ${parsed.command.name} --help`;
      io.err(`secretkit: ${parsed.message}`);
      io.err(`Run \`${helpFor}\` for usage.`);
      return EXIT.usage;
    }
    case 'run': {
      const { command, args, options, json, region } = parsed;
      // Commands call clients() inside their own error handling (reportAwsError).
      const clients = () => makeClients(pickRegion(region, args));
      return command.run({ io, args, options, json, clients });
    }
  }
}
