/**
 * `secretkit doctor <id>`: why a secret cannot be read. A check that could not run is not a
 * pass: it is reported, and the exit code says so (`EXIT.unchecked`).
 */
import { diagnoseSecretAccess } from '../iam/diagnose.js';
import type { AccessFinding } from '../iam/findings.js';
import type { CliCommand } from './command.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { formatFindings } from './format.js';
import { reportAwsError } from './report-error.js';

/**
 * The exit code of a diagnosis: problems first, then checks that could not run, else ok.
 *
 * @param findings - the diagnosis
 */
export function doctorExitCode(findings: readonly AccessFinding[]): ExitCode {
  if (findings.some((f) => f.status === 'problem')) return EXIT.problems;
  if (findings.length === 0 || findings.some((f) => f.status === 'unknown')) return EXIT.unchecked;
  return EXIT.ok;
}

/** `secretkit doctor`. */
export const doctorCommand: CliCommand = {
  name: 'doctor',
  argsUsage: '<id>',
  argLabel: 'secret name or ARN',
  minArgs: 1,
  maxArgs: 1,
  summary: 'Diagnose why a secret cannot be read (never prints the value).',
  description: `Diagnoses why a secret cannot be read, with your own permissions: can you
describe it, is it being deleted, which KMS key encrypts it, is the key enabled,
can you read and decrypt it. Never prints the value.

Each check is ok, PROBLEM, or ? (could not run: no credentials, not allowed to
look, ...). A check that could not run is not a pass: exit 1 when a problem is
found, else exit 4 when a check could not run, else 0.

--json prints {"secretId","ok","problems","unchecked","findings":[{"check","status","message"}]}.`,
  options: {
    'no-read': { type: 'boolean', description: 'do not try GetSecretValue' },
  },
  async run({ io, args, options, json, clients }) {
    const secretId = args[0] ?? '';
    try {
      const findings = await diagnoseSecretAccess(clients(), secretId, {
        tryRead: options['no-read'] !== true,
      });
      const code = doctorExitCode(findings);
      if (json) {
        const problems = findings.filter((f) => f.status === 'problem').length;
        const unchecked = findings.filter((f) => f.status === 'unknown').length;
        io.out(JSON.stringify({ secretId, ok: code === EXIT.ok, problems, unchecked, findings }, null, 2));
      } else for (const line of formatFindings(secretId, findings)) io.out(line);
      return code;
    } catch (error) {
      return reportAwsError(io, error, json);
    }
  },
};
