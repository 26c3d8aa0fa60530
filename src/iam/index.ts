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
