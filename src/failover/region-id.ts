/**
 * Rewrites a secret id for a region: a full (or partial) secret ARN gets the region, a name
 * passes through unchanged (names resolve in every region that holds a replica).
 */
import { isSecretArn, withRegion } from '../arn/secret-arn.js';

/**
 * The secret id to send to `region`'s endpoint.
 *
 * @param secretId - a name or an ARN
 * @param region - the region of the attempt
 */
export function secretIdForRegion(secretId: string, region: string): string {
  return isSecretArn(secretId) ? withRegion(secretId, region) : secretId;
}
