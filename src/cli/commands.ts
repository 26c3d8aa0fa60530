/**
 * The `policy` and `doctor` commands.
 */
import { isSecretkitError } from '../errors/secretkit-error.js';
import { diagnoseSecretAccess } from '../iam/diagnose.js';
import { hasProblems } from '../iam/findings.js';
import type { SecretAccessClients } from '../iam/policy-for-secrets.js';
import { policyForSecrets } from '../iam/policy-for-secrets.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { formatFindings, formatResolved } from './format.js';
import type { CliIo } from './io.js';

/** Options shared by the commands. */
export interface CommandOptions {
  /** Print JSON for scripts. */
  readonly json: boolean;
}

function errorInfo(error: unknown): { code: string; message: string } {
  if (isSecretkitError(error)) return { code: error.code, message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  return { code: e.name || 'Error', message: e.message };
}

/**
 * Reports a failed AWS call (or missing configuration such as the region) and returns exit 3.
 *
 * @param io - output
 * @param error - what was thrown
 * @param json - also print `{"error":{code,message}}` on stdout
 */
export function reportAwsError(io: CliIo, error: unknown, json: boolean): ExitCode {
  const info = errorInfo(error);
  io.err(`secretkit: ${info.message}`);
  if (json) io.out(JSON.stringify({ error: info }));
  return EXIT.aws;
}

/**
 * `secretkit policy <ids...>`: prints the reader policy built from live data.
 *
 * @param io - output
 * @param clients - AWS clients
 * @param ids - secret names or ARNs
 * @param options - `json`, and `batch` (include BatchGetSecretValue)
 */
export async function policyCommand(
  io: CliIo,
  clients: SecretAccessClients,
  ids: readonly string[],
  options: CommandOptions & { readonly batch: boolean },
): Promise<ExitCode> {
  try {
    const { policy, secrets } = await policyForSecrets(clients, ids, { batch: options.batch });
    if (!options.json) for (const line of formatResolved(secrets)) io.err(line);
    io.out(JSON.stringify(policy, null, 2));
    return EXIT.ok;
  } catch (error) {
    return reportAwsError(io, error, options.json);
  }
}

/**
 * `secretkit doctor <id>`: prints the diagnosis; exit 1 when a problem is found.
 *
 * @param io - output
 * @param clients - AWS clients
 * @param secretId - the secret name or ARN
 * @param options - `json`, and `read` (try GetSecretValue)
 */
export async function doctorCommand(
  io: CliIo,
  clients: SecretAccessClients,
  secretId: string,
  options: CommandOptions & { readonly read: boolean },
): Promise<ExitCode> {
  try {
    const findings = await diagnoseSecretAccess(clients, secretId, { tryRead: options.read });
    const problems = hasProblems(findings);
    if (options.json) io.out(JSON.stringify({ secretId, ok: !problems, findings }, null, 2));
    else for (const line of formatFindings(secretId, findings)) io.out(line);
    return problems ? EXIT.problems : EXIT.ok;
  } catch (error) {
    return reportAwsError(io, error, options.json);
  }
}
