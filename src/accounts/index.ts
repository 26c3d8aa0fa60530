/**
 * secretkit/accounts: secrets in other AWS accounts through STS AssumeRole (credentials cached
 * and refreshed before expiry, one client per role). Needs the optional peer `@aws-sdk/client-sts`.
 *
 * @packageDocumentation
 */
export type { AssumeRoleCredentialsOptions, RoleCredentials, STSClientLike } from './assume-role.js';
export { assumeRoleCredentials } from './assume-role.js';
export type { CrossAccountOptions, CrossAccountStats } from './cross-account.js';
export { CrossAccountSources } from './cross-account.js';
export type { RoleArnParts } from './role-arn.js';
export { parseRoleArn } from './role-arn.js';
