/**
 * Help texts of the `secretkit` CLI, generated from the commands and their options.
 */
import type { CliCommand, CliOptions } from './command.js';
import { EXIT_CODE_LINES } from './exit-codes.js';
import { GLOBAL_OPTIONS } from './global-options.js';

function optionLines(options: CliOptions): string[] {
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.valueName ? ` ${o.valueName}` : ''}`;
    return [flag, o.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
}

const ENVIRONMENT = `Credentials, region and endpoint come from the usual AWS environment
(AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_REGION, AWS_ENDPOINT_URL, ...).`;

const EXIT_CODES = ['Exit codes:', ...EXIT_CODE_LINES.map((l) => `  ${l}`)].join('\n');

/**
 * `secretkit --help`.
 *
 * @param commands - the commands to list
 */
export function globalHelp(commands: readonly CliCommand[]): string {
  const usages = commands.map((c) => [`${c.name} ${c.argsUsage}`, c.summary] as const);
  const width = Math.max(...usages.map(([u]) => u.length));
  return [
    'Usage: secretkit <command> [options]',
    '',
    'Commands:',
    ...usages.map(([u, s]) => `  ${u.padEnd(width)}  ${s}`),
    '',
    'Options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Run `secretkit <command> --help` for the options of a command.',
    '',
    ENVIRONMENT,
    '',
    EXIT_CODES,
  ].join('\n');
}

/**
 * `secretkit <command> --help`.
 *
 * @param command - the command
 */
export function commandHelp(command: CliCommand): string {
  const own = command.options ?? {};
  return [
    `Usage: secretkit ${command.name} ${command.argsUsage} [options]`,
    '',
    command.description,
    '',
    ...(Object.keys(own).length > 0 ? ['Options:', ...optionLines(own), ''] : []),
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    ENVIRONMENT,
    '',
    EXIT_CODES,
  ].join('\n');
}
