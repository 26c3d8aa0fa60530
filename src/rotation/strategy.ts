/**
 * Contract between the rotation framework (handler + driver, engine-agnostic) and a database
 * strategy (PostgreSQL, MySQL/MariaDB; single user or alternating users). The framework does the
 * Secrets Manager side (event checks, AWSPENDING creation, label moves); the strategy does the
 * engine side.
 */
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import type { RotationFinding } from './check/findings.js';
import type { PasswordPolicy } from './framework/password.js';

/** Logger used during rotation. Never receives passwords. */
export interface RotationLogger {
  /** Progress line. */
  info?(fields: Readonly<Record<string, unknown>>, message: string): void;
  /** Problem line. */
  warn?(fields: Readonly<Record<string, unknown>>, message: string): void;
}

/** What every step of a strategy is given. */
export interface RotationStepContext {
  /** Secrets Manager client of the secret's region. */
  readonly client: SecretsManagerClientLike;
  /** The secret being rotated (ARN, as in the rotation event). */
  readonly secretId: string;
  /** The ClientRequestToken of the rotation: the version id of the AWSPENDING version. */
  readonly token: string;
  /**
   * Generates a password with the configured policy (GetRandomPassword).
   *
   * @throws SecretkitError AWS errors mapped (e.g. `ACCESS_DENIED`, `THROTTLED`)
   */
  generatePassword(): Promise<string>;
  /**
   * Reads another secret's AWSCURRENT string (the `masterarn` secret of alternating users).
   *
   * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`, `NOT_A_STRING` for a binary secret, AWS errors mapped
   */
  getSecretString(secretId: string): Promise<string>;
  /** Where steps report progress and problems, if the handler was given a logger. */
  readonly logger?: RotationLogger | undefined;
}

/** The versions of the secret a step works with (SecretString of each; absent when none). */
export interface RotationVersions {
  /** AWSCURRENT's value. */
  readonly current: string;
  /** AWSPENDING's value for this token (after createSecret). */
  readonly pending?: string | undefined;
  /** AWSPREVIOUS's value, if any. */
  readonly previous?: string | undefined;
}

/**
 * The versions given to setSecret and testSecret: `pending` is always set there. (Written as an
 * intersection because, under `exactOptionalPropertyTypes`, `Required<Pick<RotationVersions, 'pending'>>`
 * still allows `undefined`.)
 */
export type PendingRotationVersions = RotationVersions & {
  /** AWSPENDING's value for this token. */
  readonly pending: string;
};

/**
 * The engine-specific part of a rotation. Every method must be idempotent: Secrets Manager
 * retries steps, and the driver may re-run a half-finished rotation. Whatever a method throws,
 * the framework rethrows as SecretkitError `ROTATION_FAILED` (the original as `cause`).
 */
export interface RotationStrategy {
  /** A short name for logs, e.g. `postgres-single-user`. */
  readonly name: string;
  /** Builds the AWSPENDING SecretString from AWSCURRENT's (new password; new username for alternating users). */
  createPendingValue(versions: RotationVersions, ctx: RotationStepContext): Promise<string>;
  /** Makes the database accept the pending credentials (`versions.pending` is set). */
  setSecret(versions: PendingRotationVersions, ctx: RotationStepContext): Promise<void>;
  /** Logs in with the pending credentials and runs a trivial query; throws when it cannot. */
  testSecret(versions: PendingRotationVersions, ctx: RotationStepContext): Promise<void>;
  /**
   * Preflight (`checkRotation`): what would make the next rotation fail on the engine side (the
   * secret's shape, logins, the master's privileges, user names, the password policy). Must
   * change nothing: only logins and reads.
   */
  preflight?(ctx: PreflightContext): Promise<PreflightOutcome>;
}

/** What a strategy's preflight is given. */
export interface PreflightContext {
  /** Secrets Manager client of the secret's region. */
  readonly client: SecretsManagerClientLike;
  /** The secret checked. */
  readonly secretId: string;
  /** AWSCURRENT's SecretString. */
  readonly current: string;
  /**
   * Reads another secret's AWSCURRENT string (the `masterarn` secret).
   *
   * @throws SecretkitError AWS errors mapped, `NOT_A_STRING`
   */
  getSecretString(secretId: string): Promise<string>;
  /** The password policy of the rotation, defaults filled in. */
  readonly passwordPolicy: ResolvedPasswordPolicy;
  /** One password GetRandomPassword made with that policy (never shown), when it could make one. */
  readonly passwordSample?: string | undefined;
}

/** What a strategy's preflight found. */
export interface PreflightOutcome {
  /** Problems and checks that could not be made. */
  readonly findings: readonly RotationFinding[];
  /** Names of the checks made that passed. */
  readonly passed: readonly string[];
}

/** A password policy with its defaults filled in. */
export interface ResolvedPasswordPolicy extends PasswordPolicy {
  /** Password length. */
  readonly length: number;
  /** Characters never used. */
  readonly excludeCharacters: string;
}
