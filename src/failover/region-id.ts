/**
 * Rewrites a secret id for a region: a full (or partial) secret ARN gets the region, a name
 * passes through unchanged (names resolve in every region that holds a replica).
 */
import { isSecretArn, withRegion } from '../arn/secret-arn.js';

/**
 * The region name a client uses when neither options nor environment name one (the SDK client
 * then resolves its own). An ARN is never rewritten to it.
 */
export const UNKNOWN_REGION = 'default';

/**
 * The secret id to send to `region`'s endpoint.
 *
 * @param secretId - a name or an ARN
 * @param region - the region of the attempt
 */
export function secretIdForRegion(secretId: string, region: string): string {
  return region !== UNKNOWN_REGION && isSecretArn(secretId) ? withRegion(secretId, region) : secretId;
}
