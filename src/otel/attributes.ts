/**
 * Attribute names: OpenTelemetry semantic conventions where they exist (`rpc.*` as the AWS SDK
 * span conventions use them, `cloud.region`, `error.type`), `secretkit.*` for the rest.
 */

/** `rpc.system` of AWS SDK calls (semantic conventions: AWS SDK spans). */
export const RPC_SYSTEM = 'rpc.system';
/** `rpc.service` (e.g. `SecretsManager`). */
export const RPC_SERVICE = 'rpc.service';
/** `rpc.method` (the operation, e.g. `GetSecretValue`). */
export const RPC_METHOD = 'rpc.method';
/** `cloud.region` (the AWS region a call went to). */
export const CLOUD_REGION = 'cloud.region';
/** `error.type` (a secretkit error code or an error class; `_OTHER` when unknown). */
export const ERROR_TYPE = 'error.type';
/** The secret id as the caller wrote it (span events only: never a metric attribute, it is unbounded). */
export const SECRET_ID = 'secretkit.secret.id';

/** The value of `rpc.system` for AWS API calls. */
export const AWS_API = 'aws-api';
/** The value of `rpc.service` for Secrets Manager, as `@opentelemetry/instrumentation-aws-sdk` sets it. */
export const SECRETS_MANAGER = 'SecretsManager';
