/**
 * What a `secretkit` command is. Each command lives in its own file and is registered with one
 * line in `registry.ts`; the parser, `--help` and usage errors are derived from this shape.
 */
import type { SecretAccessClients } from '../iam/policy-for-secrets.js';
import type { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

/** An option of the command line. */
export interface CliOption {
  /** `string` takes a value (`--region eu-west-1`), `boolean` does not. */
  readonly type: 'string' | 'boolean';
  /** One-letter alias (`r` for `-r`). */
  readonly short?: string;
  /** Placeholder of the value in help (`<region>`). */
  readonly valueName?: string;
  /** One line of help. */
  readonly description: string;
}

/** Options by long name (without `--`). */
export type CliOptions = Readonly<Record<string, CliOption>>;

/** The parsed values of the options: strings, `true` for booleans given, else `undefined`. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

/** What a command gets when it runs. */
export interface CommandContext {
  /** Output. */
  readonly io: CliIo;
  /** Positional arguments after the command words. */
  readonly args: readonly string[];
  /** Values of the global and the command's options. */
  readonly options: OptionValues;
  /** `--json`: machine-readable output. */
  readonly json: boolean;
  /**
   * AWS clients for `--region`, else the region of the first ARN among the arguments, else the
   * SDK's default. Throws when the SDK cannot create them (report it with `reportAwsError`).
   */
  clients(): SecretAccessClients;
}

/** A command of the CLI. */
export interface CliCommand {
  /** The command words, separated by one space (`policy`, `rotation check`). */
  readonly name: string;
  /** The positional arguments in usage lines (`<ids...>`, `<id>`). */
  readonly argsUsage: string;
  /** What one argument is, for usage errors (`secret name or ARN`). */
  readonly argLabel: string;
  /** Fewest positional arguments. */
  readonly minArgs: number;
  /** Most positional arguments (default: no limit). */
  readonly maxArgs?: number;
  /** One line for the command list of `secretkit --help`. */
  readonly summary: string;
  /** Paragraphs for `secretkit <command> --help`. */
  readonly description: string;
  /** The command's own options (besides the global ones). */
  readonly options?: CliOptions;
  /** Runs the command and returns the exit code. */
  run(context: CommandContext): Promise<ExitCode>;
}
