#!/usr/bin/env node
/**
 * `secretkit` command-line entry: `secretkit policy <ids...>` and `secretkit doctor <id>`.
 * See `secretkit --help`.
 *
 * @packageDocumentation
 */
import { runCli } from './run.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `secretkit: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 3;
  },
);
