/**
 * secretkit: typed, cached, multi-region reads of AWS Secrets Manager.
 * Named re-exports only; each concern lives in its own module.
 *
 * @packageDocumentation
 */

export type { FaultKind } from './errors/classify.js';
export { classifyFault, isFault } from './errors/classify.js';
// errors
export type { SecretkitErrorCode, SecretkitErrorOptions } from './errors/secretkit-error.js';
export { isSecretkitError, SecretkitError } from './errors/secretkit-error.js';

// client and cache (issue: typed, cached reads)

// failover and replication (issue: region failover)

// ARNs shared by the client and secretkit/iam (issue: IAM and KMS)
