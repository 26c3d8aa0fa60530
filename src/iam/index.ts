/**
 * secretkit/iam: secret ARNs and names, least-privilege IAM policy builders, policies from
 * live data, and KMS-aware access diagnostics.
 *
 * @packageDocumentation
 */

// ARNs, names and policy resource patterns (also exported from the main entry)
export type { ArnPatternScope, SecretArnParts, SecretNameParts } from '../arn/index.js';
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
} from '../arn/index.js';
export type { CrossAccountPolicies, CrossAccountPoliciesOptions } from './cross-account-policy.js';
export { crossAccountPolicies } from './cross-account-policy.js';
export type { DiagnoseOptions } from './diagnose.js';
export { diagnoseSecretAccess } from './diagnose.js';
export type { AccessCheck, AccessFinding, FindingStatus } from './findings.js';
export { hasProblems } from './findings.js';
export { AWS_MANAGED_SECRETS_KEY_ALIAS, isAwsManagedSecretsKey } from './key-resolution.js';
export type { KMSClientLike, KmsClients, KmsCommandLike, KmsKeyMetadata } from './kms-client-like.js';
export type { KmsKeyArnParts } from './kms-keys.js';
export { parseKmsKeyArn, secretsManagerViaService } from './kms-keys.js';
export { mergePolicies, normalizePolicy } from './normalize.js';
export type { ParameterReaderPolicyOptions, ParameterRef } from './parameter-policy.js';
export { PARAMETER_READ_ACTIONS, parameterReaderPolicy } from './parameter-policy.js';
// live data and diagnostics
export type {
  PolicyForSecretsOptions,
  PolicyForSecretsResult,
  ResolvedKey,
  ResolvedSecret,
  SecretAccessClients,
} from './policy-for-secrets.js';
export { policyForSecrets } from './policy-for-secrets.js';
export type { PutResourcePolicyResult } from './put-resource-policy.js';
export { putResourcePolicy } from './put-resource-policy.js';
// policy builders
export type { ReaderPolicyOptions } from './reader-policy.js';
export { READ_ACTIONS, readerPolicy } from './reader-policy.js';
export type {
  AllowOnlyPrincipalsOptions,
  DenyOutsideOrganizationOptions,
  DenyOutsideVpcEndpointOptions,
  RestrictOptions,
} from './resource-policies.js';
export {
  allowOnlyPrincipalsPolicy,
  DEFAULT_RESTRICTED_ACTIONS,
  denyOutsideOrganizationPolicy,
  denyOutsideVpcEndpointPolicy,
} from './resource-policies.js';
export type { RotationFunctionPolicyOptions } from './rotation-policy.js';
export { ROTATION_ACTIONS, rotationFunctionPolicy } from './rotation-policy.js';
export type { SecretRef, SecretScope } from './secret-refs.js';
export {
  eventBridgeQueuePolicy,
  SQS_SUBSCRIBER_ACTIONS,
  sqsSubscriberPolicy,
} from './sqs-subscriber-policy.js';
// typed IAM JSON and normalization
export type {
  ConditionValue,
  OneOrMany,
  PolicyCondition,
  PolicyDocument,
  PolicyEffect,
  PolicyPrincipal,
  PolicyStatement,
} from './types.js';
