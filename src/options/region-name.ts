/**
 * The check of an AWS region name, shared by every option that takes one (`region`,
 * `failover({ replicaRegions })`, the admin client's regions).
 */
import { SecretkitError } from '../errors/secretkit-error.js';

/** An AWS region name: `us-east-1`, `us-gov-west-1`, `cn-north-1`, `us-isob-east-1`... */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * Checks that `region` is a region name.
 *
 * @param region - the value given
 * @param option - the option's name (in the message and `details.option`)
 * @throws SecretkitError `INVALID_ARGUMENT` naming the option
 */
export function checkRegionName(region: unknown, option: string): asserts region is string {
  if (typeof region !== 'string' || region.length > 32 || !REGION_NAME.test(region)) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `${option}: ${typeof region === 'string' ? `"${region.slice(0, 40)}"` : typeof region} is not a region name.`,
      { details: { option } },
    );
  }
}
