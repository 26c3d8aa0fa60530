/**
 * RotateSecret and CancelRotateSecret. The fake records the rotation configuration and, as the
 * service does before it invokes the rotation function, creates the token's version without a
 * value, labelled AWSPENDING (not with `RotateImmediately: false`). When the fake was given a
 * `rotationLambda`, RotateSecret runs it (all four steps, or testSecret only
 * with `RotateImmediately: false`) before answering, so tests see the finished rotation.
 */
import type {
  CancelRotateSecretCommandInput,
  CancelRotateSecretCommandOutput,
  RotateSecretCommandInput,
  RotateSecretCommandOutput,
  RotationRulesType,
} from '@aws-sdk/client-secrets-manager';
import type { Handler, HandlerContext, Output } from '../context.js';
import { arnIn, requireWritable } from '../lookup.js';
import type { RotationStep } from '../rotation-lambda.js';
import type { StoredSecret } from '../store.js';
import { AWSCURRENT, AWSPENDING, addPlaceholder, checkToken, holderOf } from '../versions.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** When the next rotation is due: `AutomaticallyAfterDays`, or a `rate(N days|hours)` schedule. */
export function nextRotation(from: Date, rules: RotationRulesType | undefined): Date | undefined {
  if (rules?.AutomaticallyAfterDays !== undefined)
    return new Date(from.getTime() + rules.AutomaticallyAfterDays * DAY_MS);
  const m = /^rate\((\d+) (day|days|hour|hours)\)$/.exec(rules?.ScheduleExpression ?? '');
  if (!m) return undefined;
  const unit = m[2]!.startsWith('day') ? DAY_MS : HOUR_MS;
  return new Date(from.getTime() + Number(m[1]) * unit);
}

function checkRules(ctx: HandlerContext, rules: RotationRulesType | undefined): void {
  const days = rules?.AutomaticallyAfterDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 1000)) {
    throw ctx.errors.invalidParameter('RotationRules.AutomaticallyAfterDays must be within 1-1000.');
  }
}

/** Marks a rotation finished: LastRotatedDate now, NextRotationDate from the rules. */
export function recordRotated(secret: StoredSecret, now: Date): void {
  if (!secret.rotation) return;
  secret.rotation.lastRotatedDate = now;
  secret.rotation.nextRotationDate = nextRotation(now, secret.rotation.rules);
}

/** RotateSecret. */
export const rotateSecret: Handler<RotateSecretCommandInput, Output<RotateSecretCommandOutput>> = async (
  ctx,
  input,
) => {
  const found = requireWritable(ctx, input.SecretId);
  const { secret } = found;
  checkToken(ctx, input.ClientRequestToken);
  checkRules(ctx, input.RotationRules);
  const lambdaArn = input.RotationLambdaARN ?? secret.rotation?.lambdaArn;
  if (lambdaArn === undefined) {
    throw ctx.errors.invalidRequest('No Lambda rotation function ARN is associated with this secret.');
  }
  const pending = holderOf(secret, AWSPENDING);
  if (pending && !pending.stages.has(AWSCURRENT)) {
    throw ctx.errors.invalidRequest("A previous rotation isn't complete. That rotation will be reattempted.");
  }
  const rules = input.RotationRules ?? secret.rotation?.rules;
  secret.rotation = {
    ...secret.rotation,
    enabled: true,
    lambdaArn,
    rules,
    nextRotationDate: nextRotation(secret.rotation?.lastRotatedDate ?? ctx.now(), rules),
  };
  secret.lastChangedDate = ctx.now();
  const token = input.ClientRequestToken ?? ctx.newVersionId();
  const arn = arnIn(found);
  if (input.RotateImmediately !== false && !secret.versions.has(token)) addPlaceholder(ctx, secret, token);
  if (ctx.rotationLambda) {
    const steps: RotationStep[] =
      input.RotateImmediately === false
        ? ['testSecret']
        : ['createSecret', 'setSecret', 'testSecret', 'finishSecret'];
    const client = ctx.rotationClient(secret.region);
    for (const Step of steps)
      await ctx.rotationLambda({ Step, SecretId: arn, ClientRequestToken: token }, client);
    if (input.RotateImmediately !== false) recordRotated(secret, ctx.now());
  }
  return { ARN: arn, Name: secret.name, VersionId: token };
};

/** CancelRotateSecret: turns rotation off (labels are left as they are, as AWS does). */
export const cancelRotateSecret: Handler<
  CancelRotateSecretCommandInput,
  Output<CancelRotateSecretCommandOutput>
> = (ctx, input) => {
  const found = requireWritable(ctx, input.SecretId);
  const { secret } = found;
  if (!secret.rotation?.lambdaArn) {
    throw ctx.errors.invalidRequest('Rotation is not configured for this secret.');
  }
  secret.rotation.enabled = false;
  secret.rotation.nextRotationDate = undefined;
  const out: Output<CancelRotateSecretCommandOutput> = { ARN: arnIn(found), Name: secret.name };
  const pending = holderOf(secret, AWSPENDING);
  if (pending) out.VersionId = pending.versionId;
  return out;
};
