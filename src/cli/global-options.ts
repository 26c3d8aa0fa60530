/**
 * Options every command accepts.
 */
import type { CliOptions } from './command.js';

/** The global options. */
export const GLOBAL_OPTIONS: CliOptions = {
  region: {
    type: 'string',
    short: 'r',
    valueName: '<region>',
    description: 'AWS region (default: AWS_REGION, or the region of an ARN argument)',
  },
  json: { type: 'boolean', description: 'machine-readable output on stdout' },
  help: {
    type: 'boolean',
    short: 'h',
    description: 'show help (`secretkit <command> --help` for a command)',
  },
  version: { type: 'boolean', description: 'print the version of secretkit' },
};
