/**
 * `secretkit/rotation`: staging-label helpers, the rotation-function framework (Lambda handler
 * and the `runRotation` driver), refresh-on-authentication-failure for clients, accepted
 * versions for verifiers, and the database secret schemas. Database strategies live in
 * `secretkit/rotation/postgres` and `secretkit/rotation/mysql`.
 *
 * @packageDocumentation
 */

export type {
  AcceptedVersion,
  AcceptedVersionsOptions,
  AcceptedVersionsSchemaOptions,
} from './accepted-versions.js';
export { DEFAULT_ACCEPTED_STAGES, getAcceptedVersions } from './accepted-versions.js';
export {
  isDatabaseAuthError,
  isMysqlAuthError,
  isPgAuthError,
  MYSQL_ACCESS_DENIED_ERRNO,
  PG_AUTH_SQLSTATES,
} from './auth-errors.js';
export type { CheckRotationOptions } from './check/check-rotation.js';
export { checkRotation } from './check/check-rotation.js';
export type {
  RotationCheckResult,
  RotationFinding,
  RotationFindingCode,
  RotationFindingSeverity,
} from './check/findings.js';
export type { RotationRolePolicies } from './check/iam-checks.js';
export type { PasswordRules } from './check/password-rules.js';
export type { DatabaseCredentials, DatabaseSecret, DatabaseSecretSchemaOptions } from './db-secret.js';
export {
  createDatabaseSecretSchema,
  databaseCredentialsSchema,
  databaseSecretSchema,
  MYSQL_ENGINES,
  mysqlSecretSchema,
  POSTGRES_ENGINES,
  postgresSecretSchema,
} from './db-secret.js';
export type { RunRotationOptions, RunRotationResult } from './framework/driver.js';
export { runRotation } from './framework/driver.js';
export type { RotationEvent, RotationStepName } from './framework/event.js';
export { parseRotationEvent, ROTATION_STEPS } from './framework/event.js';
export type { RotationHandler, RotationHandlerOptions } from './framework/handler.js';
export { createRotationHandler } from './framework/handler.js';
export type { RotationOptions } from './framework/options.js';
export type { PasswordPolicy } from './framework/password.js';
export {
  DEFAULT_EXCLUDE_CHARACTERS,
  DEFAULT_PASSWORD_LENGTH,
  generatePassword,
  passwordPolicyFromEnv,
} from './framework/password.js';
export type { StepOutcome } from './framework/run-step.js';
export { runRotationStep } from './framework/run-step.js';
export type { ConfigureRotationOptions, RotateNowOptions, RotateSecretResult } from './labels/configure.js';
export { cancelRotation, configureRotation, rotateNow } from './labels/configure.js';
export type { RotationDescription } from './labels/describe-rotation.js';
export { describeRotation } from './labels/describe-rotation.js';
export type { ListVersionsOptions, SecretVersionInfo } from './labels/list-versions.js';
export { listVersions } from './labels/list-versions.js';
export type { MoveLabelResult } from './labels/move-label.js';
export { moveLabel, removeLabel } from './labels/move-label.js';
export type { PromotionResult } from './labels/promote.js';
export { promotePending, rollback } from './labels/promote.js';
export type { StagedValue } from './labels/read-stage.js';
export { findStageValue, getPendingValue, getPreviousValue, getStageValue } from './labels/read-stage.js';
export type { RotationSchedule } from './labels/schedule.js';
export { toRotationRules } from './labels/schedule.js';
export type { SecretVersionStages } from './labels/version-stages.js';
export { getVersionStages, versionWithStage } from './labels/version-stages.js';
export type { CredentialSource } from './pool/detect.js';
export { cachedCredentials, credentialsDigest } from './pool/detect.js';
export type {
  EndablePool,
  RotatingPool,
  RotatingPoolEvent,
  RotatingPoolOptions,
  RotatingPoolStats,
} from './pool/rotating-pool.js';
export { DEFAULT_DRAIN_MS, DEFAULT_POOL_AUTH_RETRIES, rotatingPool } from './pool/rotating-pool.js';
export type { RotationStage } from './stages.js';
export { AWSCURRENT, AWSPENDING, AWSPREVIOUS } from './stages.js';
export type {
  PendingRotationVersions,
  PreflightContext,
  PreflightOutcome,
  ResolvedPasswordPolicy,
  RotationLogger,
  RotationStepContext,
  RotationStrategy,
  RotationVersions,
} from './strategy.js';
export type { WithSecretAttempt, WithSecretOptions, WithSecretSchemaOptions } from './with-secret.js';
export { DEFAULT_AUTH_MAX_RETRIES, withSecret } from './with-secret.js';
