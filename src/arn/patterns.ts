/**
 * ARN patterns for IAM policies. IAM's `?` matches one character and `*` any run, and a
 * secret's full ARN is always `<name>-` plus six characters, so `<name>-??????` matches
 * exactly the secret named `<name>`: not `<name>-extra` (longer) nor another prefix.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { describeInput, validateSecretName } from './secret-name.js';

/** Where a pattern applies; each missing field is a wildcard `*`. */
export interface ArnPatternScope {
  /** Region, e.g. `us-east-1`; `*` (every region) when omitted. */
  readonly region?: string | undefined;
  /** 12-digit account id; `*` (every account) when omitted. */
  readonly accountId?: string | undefined;
  /** Partition; `aws` when omitted. */
  readonly partition?: string | undefined;
}

const PARTITION = /^aws(-[a-z]+)*$/;
const REGION = /^([a-z]{2}(-[a-z]+)+-[0-9]+|\*)$/;
const ACCOUNT = /^([0-9]{12}|\*)$/;

function prefixOf(scope: ArnPatternScope): string {
  const partition = scope.partition ?? 'aws';
  const region = scope.region ?? '*';
  const accountId = scope.accountId ?? '*';
  if (!PARTITION.test(partition)) {
    throw new SecretkitError('INVALID_ARGUMENT', `partition ${describeInput(partition)} is not like "aws"`);
  }
  if (!REGION.test(region)) {
    throw new SecretkitError('INVALID_ARGUMENT', `region ${describeInput(region)} is not like "us-east-1"`);
  }
  if (!ACCOUNT.test(accountId)) {
    throw new SecretkitError('INVALID_ARGUMENT', `account id ${describeInput(accountId)} is not 12 digits`);
  }
  return `arn:${partition}:secretsmanager:${region}:${accountId}:secret:`;
}

/**
 * The IAM resource pattern for exactly one secret by name, whatever its random suffix:
 * `arn:aws:secretsmanager:<region>:<account>:secret:<name>-??????`.
 *
 * @param name - the secret name (validated; names cannot contain `*` or `?`)
 * @param scope - region, account and partition; omitted region/account become `*`
 * @throws SecretkitError `INVALID_NAME` for a bad name, `INVALID_ARGUMENT` for a bad scope
 */
export function secretArnPattern(name: string, scope: ArnPatternScope = {}): string {
  return `${prefixOf(scope)}${validateSecretName(name)}-??????`;
}

/**
 * The IAM resource pattern for every secret under a hierarchical prefix, e.g.
 * `secretPrefixPattern('billing/prod')` → `...:secret:billing/prod/*`. A trailing `/` is
 * added when missing, so `billing/prod` does not also match `billing/production/...`.
 *
 * @param prefix - a name prefix such as `app/env` or `app/env/`
 * @param scope - region, account and partition; omitted region/account become `*`
 * @throws SecretkitError `INVALID_NAME` for a bad prefix, `INVALID_ARGUMENT` for a bad scope
 */
export function secretPrefixPattern(prefix: string, scope: ArnPatternScope = {}): string {
  const withSlash = prefix.endsWith('/') ? prefix : `${prefix}/`;
  validateSecretName(withSlash);
  if (withSlash.startsWith('/') || withSlash.includes('//')) {
    throw new SecretkitError('INVALID_NAME', `prefix ${describeInput(prefix)} has an empty path segment`);
  }
  return `${prefixOf(scope)}${withSlash}*`;
}
