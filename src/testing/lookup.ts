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
  const visible = ctx.store.inRegion(ctx.region);
  const arn = parseSecretArn(secretId);
  if (!arn) return visible.find((r) => r.secret.name === secretId);
  if (arn.region !== ctx.region || arn.accountId !== ctx.accountId) return undefined;
  return (
    visible.find((r) => secretArn(r.secret, ctx.region) === secretId) ??
    visible.find((r) => r.secret.name === arn.resource)
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
