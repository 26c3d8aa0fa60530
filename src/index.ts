/**
 * secretkit: typed, cached, multi-region reads of AWS Secrets Manager. Named re-exports only;
 * each concern lives in its own module. Writes, describe/list and replication are in
 * `secretkit/admin`, ARN and name helpers in `secretkit/iam`, rotation in `secretkit/rotation`.
 *
 * @packageDocumentation
 */

export type { Clock } from './cache/clock.js';
export type { CacheOptions } from './cache/defaults.js';
export type { CacheEngineStats, CacheEvent } from './cache/types.js';
export { DEFAULTS } from './client/defaults.js';
export type { PreloadResult } from './client/preload.js';
export { SecretsClient } from './client/secrets-client.js';
export type { SecretsClientStats } from './client/stats.js';
export type {
  ApiCallEvent,
  ClientSource,
  ReadOptions,
  SecretkitEvent,
  SecretkitLogger,
  SecretsClientOptions,
  SecretsReader,
  VersionSelector,
} from './client/types.js';
export type {
  SecretkitErrorCode,
  SecretkitErrorDetails,
  SecretkitErrorDetailsByCode,
  SecretkitErrorOptions,
} from './errors/secretkit-error.js';
export { isSecretkitError, SecretkitError } from './errors/secretkit-error.js';
export type { Failover } from './failover/plan.js';
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
  SecretListingSource,
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
export type { StandardSchemaV1 } from './schema/standard-schema.js';
export type { SchemaIssue } from './schema/validate.js';
export type { SecretsManagerClientLike } from './sdk/client-like.js';
export { VERSION } from './version.js';
