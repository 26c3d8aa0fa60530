/**
 * Resolving a `SecretId` (name, full ARN or partial ARN) in the caller's region, and the state
 * checks most operations share (scheduled for deletion, replica).
 */
import { parseSecretArn, secretArn } from './arn.js';
import type { HandlerContext } from './context.js';
import type { RegionalSecret } from './store.js';

/**
 * Finds a secret by name, full ARN or partial ARN (an ARN without the random suffix) in the
 * caller's region. An ARN of another region or account does not match.
 *
 * @returns the secret, or undefined
 */
export function findSecret(ctx: HandlerContext, secretId: string): RegionalSecret | undefined {
  const { store, region } = ctx;
  const arn = parseSecretArn(secretId);
  if (!arn) return store.byName(region, secretId);
  if (arn.region !== region || arn.accountId !== ctx.accountId) return undefined;
  // A full ARN is `<name>-<6 characters>`: the secret of that name, when its ARN matches,
  // without a scan of every secret (seeding thousands of secrets looks each one up by ARN).
  const resource = arn.resource;
  if (resource.length > 7 && resource[resource.length - 7] === '-') {
    const named = store.byName(region, resource.slice(0, -7));
    if (named !== undefined && secretArn(named.secret, region) === secretId) return named;
  }
  return (
    store.findIn(
      region,
      (secret) =>
        // cheap checks first: no string built for the secrets it cannot be
        arn.resource.length === secret.name.length + 1 + secret.suffix.length &&
        arn.resource.startsWith(secret.name) &&
        arn.resource.endsWith(secret.suffix) &&
        secretArn(secret, region) === secretId,
    ) ?? store.byName(region, arn.resource)
  );
}

/** Like {@link findSecret}, but a missing or empty id throws the service's error. */
export function requireSecret(ctx: HandlerContext, secretId: string | undefined): RegionalSecret {
  if (secretId === undefined || secretId === '') {
    throw ctx.errors.invalidParameter('You must specify a SecretId.');
  }
  const found = findSecret(ctx, secretId);
  if (!found) throw ctx.errors.notFound();
  return found;
}

/** A secret that can be read: exists and is not scheduled for deletion. */
export function requireReadable(ctx: HandlerContext, secretId: string | undefined): RegionalSecret {
  const found = requireSecret(ctx, secretId);
  if (found.secret.deletedDate !== undefined) throw ctx.errors.deleted();
  return found;
}

/** A secret that can be written: exists, is the primary, and is not scheduled for deletion. */
export function requireWritable(ctx: HandlerContext, secretId: string | undefined): RegionalSecret {
  const found = requireSecret(ctx, secretId);
  if (found.replica) throw ctx.errors.replicaWrite();
  if (found.secret.deletedDate !== undefined) throw ctx.errors.deleted();
  return found;
}

/** The ARN of a secret as seen from the caller's region. */
export function arnIn(found: RegionalSecret): string {
  return secretArn(found.secret, found.region);
}
