/**
 * Turns the secrets a builder is given (ARNs, names, prefixes) into IAM resource ARNs and
 * patterns, in the primary region and every replica region.
 */
import { secretArnPattern, secretPrefixPattern } from '../arn/patterns.js';
import { formatSecretArn, parseSecretArn } from '../arn/secret-arn.js';
import { SecretkitError } from '../errors/secretkit-error.js';

/**
 * A secret a policy is about:
 * - a complete ARN (`...:secret:prod/db-AbC123`): exactly that secret;
 * - a partial ARN (`...:secret:prod/db`) or a name (`prod/db`): the secret of that name,
 *   whatever its suffix (`prod/db-??????`); a name needs `accountId` and `region`;
 * - `{ prefix: 'app/prod' }`: every secret under `app/prod/`;
 * - `{ id, regions }` / `{ prefix, regions }`: also in these replica regions.
 */
export type SecretRef =
  | string
  | {
      /** A complete ARN, a partial ARN or a name. */
      readonly id: string;
      /** Replica regions where the secret also lives. @defaultValue [] */
      readonly regions?: readonly string[] | undefined;
    }
  | {
      /** A name prefix: every secret under `prefix/`. */
      readonly prefix: string;
      /** Replica regions where those secrets also live. @defaultValue [] */
      readonly regions?: readonly string[] | undefined;
    };

/** Where secrets given by name or prefix live. */
export interface SecretScope {
  /** Primary region of secrets given by name or prefix (required for them; ARNs carry their own). */
  readonly region?: string | undefined;
  /** Account of secrets given by name or prefix, 12 digits (required for them; ARNs carry their own). */
  readonly accountId?: string | undefined;
  /** Partition (`aws`, `aws-cn`, `aws-us-gov`). @defaultValue `'aws'` */
  readonly partition?: string | undefined;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function requireScope(what: string, scope: SecretScope): { region: string; accountId: string } {
  if (scope.region === undefined || scope.accountId === undefined) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `${what} is not an ARN: pass \`region\` and \`accountId\` (or a full ARN) so the policy names one account and region`,
    );
  }
  return { region: scope.region, accountId: scope.accountId };
}

/**
 * The resource ARNs/patterns for one secret reference, in its primary region and in
 * `extraRegions` (plus the reference's own `regions`).
 *
 * @param ref - the secret
 * @param scope - account, region and partition for names and prefixes
 * @param extraRegions - replica regions that apply to every secret
 * @throws SecretkitError `INVALID_ARGUMENT`, `INVALID_ARN` or `INVALID_NAME`
 */
export function secretResources(
  ref: SecretRef,
  scope: SecretScope,
  extraRegions: readonly string[] = [],
): string[] {
  const ownRegions = typeof ref === 'string' ? [] : (ref.regions ?? []);
  if (typeof ref !== 'string' && 'prefix' in ref) {
    const { region, accountId } = requireScope(`prefix ${JSON.stringify(ref.prefix)}`, scope);
    return unique([region, ...extraRegions, ...ownRegions]).map((r) =>
      secretPrefixPattern(ref.prefix, { region: r, accountId, partition: scope.partition }),
    );
  }
  const id = typeof ref === 'string' ? ref : ref.id;
  if (id.startsWith('arn:')) {
    const parts = parseSecretArn(id);
    return unique([parts.region, ...extraRegions, ...ownRegions]).map((region) =>
      parts.suffix === undefined
        ? secretArnPattern(parts.name, { region, accountId: parts.accountId, partition: parts.partition })
        : formatSecretArn({ ...parts, region }),
    );
  }
  const { region, accountId } = requireScope(`secret ${JSON.stringify(id)}`, scope);
  return unique([region, ...extraRegions, ...ownRegions]).map((r) =>
    secretArnPattern(id, { region: r, accountId, partition: scope.partition }),
  );
}
