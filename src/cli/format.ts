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
 * Lines describing a diagnosis: one per finding, then a summary. "No problem found." only when
 * every check ran; checks that could not run (`?`) are counted, never passed over.
 *
 * @param secretId - the diagnosed secret
 * @param findings - the findings
 */
export function formatFindings(secretId: string, findings: readonly AccessFinding[]): string[] {
  const problems = findings.filter((f) => f.status === 'problem').length;
  const unchecked = findings.filter((f) => f.status === 'unknown').length;
  const notRun = `${unchecked} check${unchecked === 1 ? '' : 's'} could not run (marked ?)`;
  let summary: string;
  if (problems > 0)
    summary = `${problems} problem${problems === 1 ? '' : 's'} found.${unchecked > 0 ? ` ${notRun}.` : ''}`;
  else if (unchecked > 0) summary = `No problem found, but ${notRun}: this is not a pass.`;
  else summary = 'No problem found.';
  return [
    `secretkit doctor: ${secretId}`,
    ...findings.map((f) => `  [${MARK[f.status]}] ${f.check}: ${f.message}`),
    summary,
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
