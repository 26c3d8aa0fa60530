/**
 * Findings of the rotation preflight (`checkRotation`): one per reason the next rotation would
 * fail, each with a stable code, a message that names fields and users but never a value, and
 * what to do about it.
 */

/**
 * Every code a preflight finding can carry. Stable across releases: match on them, not on messages.
 */
export type RotationFindingCode =
  // --- the secret -----------------------------------------------------------
  /** AWSCURRENT could not be read (not found, access denied, binary). */
  | 'SECRET_UNREADABLE'
  /** AWSCURRENT is not a credential secret the strategy accepts (engine, host, port, username, password). */
  | 'SECRET_SHAPE_INVALID'
  /** Alternating users, but the secret has no `masterarn`. */
  | 'MASTER_ARN_MISSING'
  /** The `masterarn` secret could not be read, or is not a credential secret. */
  | 'MASTER_SECRET_INVALID'
  /** The master secret is for another host or port than the rotated secret. */
  | 'MASTER_HOST_MISMATCH'
  // --- the database ---------------------------------------------------------
  /** The database refused the AWSCURRENT credentials. */
  | 'CURRENT_LOGIN_FAILED'
  /** The database refused the master secret's credentials. */
  | 'MASTER_LOGIN_FAILED'
  /** The strategy has no preflight, so nothing on the database side was checked. */
  | 'ENGINE_UNCHECKED'
  /** The database could not be reached (network, TLS, timeout): the database checks were not made. */
  | 'DATABASE_UNREACHABLE'
  /** The master user may not create or alter the clone user. */
  | 'MASTER_CANNOT_CREATE_USER'
  /** The master user may not grant the clone what the rotated user has. */
  | 'MASTER_CANNOT_GRANT'
  /** The clone's name (user + suffix) is longer than the engine allows. */
  | 'CLONE_NAME_TOO_LONG'
  /** The user or clone name has characters the engine does not accept. */
  | 'CLONE_NAME_INVALID'
  // --- the password policy --------------------------------------------------
  /** GetRandomPassword cannot produce a password with these settings. */
  | 'PASSWORD_POLICY_INVALID'
  /** Passwords made with these settings are refused by the engine (length, characters, server policy). */
  | 'PASSWORD_POLICY_REJECTED'
  // --- rotation configuration -----------------------------------------------
  /** Rotation is not enabled on the secret. */
  | 'ROTATION_NOT_CONFIGURED'
  /** The rotation rules (schedule, window) are not valid. */
  | 'ROTATION_SCHEDULE_INVALID'
  /** A half-finished rotation is waiting: a version is AWSPENDING but not AWSCURRENT. */
  | 'ROTATION_PENDING'
  /** Another AWS service owns the secret (`OwningService`); it rotates it, not a strategy. */
  | 'MANAGED_BY_SERVICE'
  // --- IAM and KMS ----------------------------------------------------------
  /** The rotation role may not perform a Secrets Manager action rotation needs. */
  | 'IAM_ACTION_DENIED'
  /** The rotation role may not use the secret's KMS key (`kms:Decrypt`, `kms:GenerateDataKey`). */
  | 'KMS_ACTION_DENIED'
  /** Some permissions could not be checked (no policies supplied, or the evaluator is missing). */
  | 'IAM_UNCHECKED';

/** `problem`: the rotation would fail. `unchecked`: a check could not be made. */
export type RotationFindingSeverity = 'problem' | 'unchecked';

/** One finding. */
export interface RotationFinding {
  /** What was found. */
  readonly code: RotationFindingCode;
  /** Whether this is a problem or a check that could not be made. */
  readonly severity: RotationFindingSeverity;
  /** What was found, in plain words; never a secret value. */
  readonly message: string;
  /** What to do about it. */
  readonly action: string;
  /** Non-secret facts (field, action, user name, engine). */
  readonly details?: Readonly<Record<string, string | number | boolean>> | undefined;
}

/** The outcome of `checkRotation`. */
export interface RotationCheckResult {
  /** The secret checked (its ARN when DescribeSecret returned one). */
  readonly secretId: string;
  /** The strategy's name. */
  readonly strategy: string;
  /** True when there is no finding at all (no problem and nothing left unchecked). */
  readonly ok: boolean;
  /** The findings, problems first. */
  readonly findings: readonly RotationFinding[];
  /** Names of the checks that were made and passed. */
  readonly passed: readonly string[];
}

/**
 * Builds a finding (helper for strategies' `preflight`).
 *
 * @param code - the finding's code
 * @param message - what was found (no value)
 * @param action - what to do
 * @param details - non-secret facts
 * @param severity - @defaultValue 'problem'
 */
export function finding(
  code: RotationFindingCode,
  message: string,
  action: string,
  details?: Readonly<Record<string, string | number | boolean>>,
  severity: RotationFindingSeverity = 'problem',
): RotationFinding {
  return { code, severity, message, action, ...(details === undefined ? {} : { details }) };
}
