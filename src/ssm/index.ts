/**
 * secretkit/ssm: typed, cached reads and writes of AWS Systems Manager Parameter Store, on the
 * same cache and schema code as secrets. Needs the optional peer `@aws-sdk/client-ssm`.
 *
 * @packageDocumentation
 */
export type { ParameterFormat, ParameterType } from './cached-parameter.js';
export { CachedParameter } from './cached-parameter.js';
export type { PutParameterOptions, PutParameterResult } from './fetch.js';
export { GET_PARAMETERS_BATCH_SIZE } from './fetch.js';
export type {
  ParameterApiCallEvent,
  ParametersClientOptions,
  ParametersEvent,
  SSMClientLike,
} from './options.js';
export type { ParsedParameterName } from './parameter-name.js';
export { parseParameterName, SECRETS_MANAGER_REFERENCE_PREFIX } from './parameter-name.js';
export type {
  ByPathOptions,
  ParameterInfo,
  ParameterPreloadResult,
  ParameterReadOptions,
  ParameterSchemaOptions,
  ParametersClientStats,
} from './parameters-client.js';
export { ParametersClient } from './parameters-client.js';
