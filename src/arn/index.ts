/**
 * Secrets Manager ARNs, secret names and IAM resource patterns.
 *
 * @packageDocumentation
 */
export type { ArnPatternScope } from './patterns.js';
export { secretArnPattern, secretPrefixPattern } from './patterns.js';
export type { SecretArnParts } from './secret-arn.js';
export { formatSecretArn, isSecretArn, parseSecretArn, secretNameOf, withRegion } from './secret-arn.js';
export type { SecretNameParts } from './secret-name.js';
export {
  isAmbiguousName,
  isValidSecretName,
  joinSecretName,
  MAX_SECRET_NAME_LENGTH,
  splitSecretName,
  validateSecretName,
} from './secret-name.js';
