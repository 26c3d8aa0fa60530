/**
 * TagResource and UntagResource.
 */
import type {
  TagResourceCommandInput,
  TagResourceCommandOutput,
  UntagResourceCommandInput,
  UntagResourceCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import type { Handler, Output } from '../context.js';
import { requireWritable } from '../lookup.js';

const MAX_TAGS = 50;

/** TagResource: adds tags, replacing the values of existing keys. */
export const tagResource: Handler<TagResourceCommandInput, Output<TagResourceCommandOutput>> = (
  ctx,
  input,
) => {
  const { secret } = requireWritable(ctx, input.SecretId);
  const tags = input.Tags ?? [];
  if (tags.length === 0) throw ctx.errors.invalidParameter('You must specify at least one tag.');
  const byKey = new Map(secret.tags.map((t) => [t.Key ?? '', { ...t }]));
  for (const t of tags) {
    if (t.Key === undefined || t.Key === '')
      throw ctx.errors.invalidParameter('A tag key must not be empty.');
    byKey.set(t.Key, { Key: t.Key, Value: t.Value ?? '' });
  }
  if (byKey.size > MAX_TAGS) throw ctx.errors.invalidParameter(`A secret can have at most ${MAX_TAGS} tags.`);
  secret.tags = [...byKey.values()];
  secret.lastChangedDate = ctx.now();
  return {};
};

/** UntagResource: removes tags by key (unknown keys are ignored). */
export const untagResource: Handler<UntagResourceCommandInput, Output<UntagResourceCommandOutput>> = (
  ctx,
  input,
) => {
  const { secret } = requireWritable(ctx, input.SecretId);
  const keys = new Set(input.TagKeys ?? []);
  secret.tags = secret.tags.filter((t) => !keys.has(t.Key ?? ''));
  secret.lastChangedDate = ctx.now();
  return {};
};
