/**
 * Human-readable output of the CLI.
 */
import type { AccessFinding } from '../iam/findings.js';
import type { ResolvedSecret } from '../iam/policy-for-secrets.js';

const MARK: Record<AccessFinding['status'], string> = {
  ok: 'ok     ',
  problem: 'PROBLEM',
  unknown: '?      ',
};

/**
 * Lines describing a diagnosis: one per finding, then a summary.
 *
 * @param secretId - the diagnosed secret
 * @param findings - the findings
 */
export function formatFindings(secretId: string, findings: readonly AccessFinding[]): string[] {
  const problems = findings.filter((f) => f.status === 'problem').length;
  return [
    `secretkit doctor: ${secretId}`,
    ...findings.map((f) => `  [${MARK[f.status]}] ${f.check}: ${f.message}`),
    problems === 0 ? 'No problem found.' : `${problems} problem(s) found.`,
  ];
}

/**
 * Comment lines summarising what a policy was built from (written to stderr so stdout stays
 * valid JSON).
 *
 * @param secrets - the resolved secrets
 */
export function formatResolved(secrets: readonly ResolvedSecret[]): string[] {
  return secrets.flatMap((s) => [
    `# ${s.id} -> ${s.arn}${s.deleted ? ' (SCHEDULED FOR DELETION)' : ''}`,
    `#   regions: ${s.regions.join(', ')}`,
    `#   keys: ${s.keys.length === 0 ? 'aws/secretsmanager (no kms statement needed)' : s.keys.map((k) => k.keyArn).join(', ')}`,
  ]);
}
