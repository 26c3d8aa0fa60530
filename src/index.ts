/**
 * secretkit: typed, cached, multi-region reads of AWS Secrets Manager.
 * Named re-exports only; each concern lives in its own module.
 *
 * @packageDocumentation
 */

// ARNs shared by the client and secretkit/iam
export type { ArnPatternScope, SecretArnParts, SecretNameParts } from './arn/index.js';
export {
  formatSecretArn,
  isAmbiguousName,
  isSecretArn,
  isValidSecretName,
  joinSecretName,
  MAX_SECRET_NAME_LENGTH,
  parseSecretArn,
  secretArnPattern,
  secretNameOf,
  secretPrefixPattern,
  splitSecretName,
  validateSecretName,
  withRegion,
} from './arn/index.js';
export type { Clock } from './cache/clock.js';
export {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_JITTER_RATIO,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_MAX_STALE_MS,
  DEFAULT_NOT_FOUND_TTL_MS,
  DEFAULT_REFRESH_AHEAD_RATIO,
  DEFAULT_STALE_WHILE_REVALIDATE_MS,
  DEFAULT_TTL_MS,
} from './cache/defaults.js';

// client and cache
export type { CacheEngineStats, CacheEvent } from './cache/types.js';
export { DEFAULT_STAGE } from './client/cache-key.js';
export type { ReplicaStatus, SecretDescription, VersionInfo } from './client/describe.js';
export type { ListSecretsOptions, SecretListEntry } from './client/listing.js';
export type { PreloadResult } from './client/preload.js';
export { BATCH_CONCURRENCY, BATCH_SIZE } from './client/preload.js';
export type { SecretValueInput } from './client/secret-value-input.js';
export { SecretsClient } from './client/secrets-client.js';
export type { SecretsClientStats } from './client/stats.js';
export type {
  ApiCallEvent,
  CacheOptions,
  ClientSource,
  FailoverOptions,
  ReadOptions,
  SecretkitEvent,
  SecretkitLogger,
  SecretsClientOptions,
  SecretsReader,
  VersionSelector,
} from './client/types.js';
export type {
  CreateSecretInput,
  DeleteResult,
  DeleteSecretOptions,
  PutSecretValueOptions,
  ReplicaRegionInput,
  UpdateSecretInput,
  WriteResult,
} from './client/writes.js';
// errors
export type { FaultKind } from './errors/classify.js';
export { classifyFault, isFault } from './errors/classify.js';
export type { SecretkitErrorCode, SecretkitErrorOptions } from './errors/secretkit-error.js';
export { isSecretkitError, SecretkitError } from './errors/secretkit-error.js';
export {
  DEFAULT_BREAKER_COOLDOWN_MS,
  DEFAULT_BREAKER_FAILURE_THRESHOLD,
  DEFAULT_REGION_TIMEOUT_MS,
} from './failover/defaults.js';
// failover and replication
export type { RegionErrorSummary } from './failover/region-errors.js';
export type { RouterEvent } from './failover/types.js';
export type {
  LoadFailure,
  LoadSources,
  ParameterBatchFailure,
  ParameterBatchOutcome,
  ParameterPathEntry,
  ParametersLoaderSource,
  RoleSources,
  SecretsDefinition,
  SecretsLoaderSource,
} from './loader/define-secrets.js';
export { defineSecrets } from './loader/define-secrets.js';
export type {
  AnySpec,
  ParameterSpec,
  ParamSpecOptions,
  SecretSpec,
  SecretSpecOptions,
  SpecOutput,
} from './loader/secret-spec.js';
export { secret } from './loader/secret-spec.js';
export type { TagFilter, TreeFailure, TreeLoadResult, TreeOptions, TreeSpec } from './loader/tree-spec.js';
// observability: diagnostics channels (stable names and messages) and loggers
export type { ApiCallEndEvent } from './observe/api-call.js';
export type {
  AwsCallMessage,
  CacheEvictMessage,
  CacheLoadMessage,
  CacheReadMessage,
  CacheRefreshMessage,
  CacheStaleMessage,
  CircuitMessage,
  DiagnosticsChannelName,
  FailoverMessage,
  HedgeMessage,
  RegionFailureMessage,
  RotationStepMessage,
} from './observe/channels.js';
export { DIAGNOSTICS_CHANNELS } from './observe/channels.js';
export type { LogFields, LogLevel, LogMethod } from './observe/logger.js';
export type { ReplicationStatusOptions } from './replication/replication-status.js';
export type {
  PromoteResult,
  ReplicaRegionSpec,
  ReplicaRegionStatus,
  ReplicateOptions,
  ReplicationState,
} from './replication/types.js';
export type { StandardSchemaV1 } from './schema/standard-schema.js';
export type { SchemaIssue } from './schema/validate.js';
export type { SecretsManagerClientLike } from './sdk/client-like.js';
export { VERSION } from './version.js';
