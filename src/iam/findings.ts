/**
 * Findings of an access diagnosis: one per check, in plain words, never a secret value.
 */

/** What a check concluded: fine, a problem that explains a failure, or could not tell. */
export type FindingStatus = 'ok' | 'problem' | 'unknown';

/** The checks `diagnoseSecretAccess` performs, in order. */
export type AccessCheck = 'describe-secret' | 'secret-state' | 'encryption-key' | 'key-state' | 'read-value';

/** One finding. */
export interface AccessFinding {
  /** Which check this is. */
  readonly check: AccessCheck;
  /** Its conclusion. */
  readonly status: FindingStatus;
  /** What was found and, for problems, what to do, in plain words. */
  readonly message: string;
}

/**
 * True when any finding is a problem.
 *
 * @param findings - the diagnosis
 */
export function hasProblems(findings: readonly AccessFinding[]): boolean {
  return findings.some((f) => f.status === 'problem');
}
