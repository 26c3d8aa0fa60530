/**
 * Rewrites a secret id for a region: a full (or partial) secret ARN gets the region, a name
 * passes through unchanged (names resolve in every region that holds a replica).
 */
import { isSecretArn, parseSecretArn, withRegion } from '../arn/secret-arn.js';
import { SecretkitError } from '../errors/secretkit-error.js';

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

/**
 * Checks that a partial ARN names a secret in one of the client's regions. A partial ARN of
 * another region would otherwise be rewritten to the attempt's region and read a different
 * secret that happens to share its name (the same name in another region is another secret
 * unless it is a replica).
 *
 * @param secretId - a name or an ARN
 * @param regions - the client's regions, primary first
 * @returns an `INVALID_ARGUMENT` error naming the regions, or `undefined` when the id may be sent
 */
export function arnRegionProblem(secretId: string, regions: readonly string[]): SecretkitError | undefined {
  if (regions[0] === UNKNOWN_REGION || !isSecretArn(secretId)) return undefined;
  const { region, suffix } = parseSecretArn(secretId);
  // A full ARN carries the random suffix, which a replica shares and a same-named secret of
  // another region does not: rewritten, it can only find the replica or nothing. A partial ARN
  // has no suffix, so only the client's own regions may be sent it.
  if (suffix !== undefined || regions.includes(region)) return undefined;
  return new SecretkitError(
    'INVALID_ARGUMENT',
    `The partial ARN is of region ${region}, which is not one of this client's regions (${regions.join(', ')}): ` +
      'read it with a client of that region.',
    { secretId, details: { argument: 'secretId' } },
  );
}
