#!/usr/bin/env node
/**
 * `secretkit` command-line entry: `secretkit policy <ids...>`, `secretkit doctor <id>`, ...
 * See `secretkit --help` and docs/troubleshooting.md (exit codes).
 *
 * @packageDocumentation
 */
import { runCli } from './run.js';

// The CLI is our program: the SDK's 9-line NodeVersionSupportWarning (printed once per process
// on Node < 22) is noise in every call. The SDK reads this variable when it creates its first
// client, which happens after this line; a value the user set is kept.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

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
