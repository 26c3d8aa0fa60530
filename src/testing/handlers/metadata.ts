/**
 * Metadata reads: DescribeSecret, ListSecrets and ListSecretVersionIds.
 */
import type {
  DescribeSecretCommandInput,
  DescribeSecretCommandOutput,
  ListSecretsCommandInput,
  ListSecretsCommandOutput,
  ListSecretVersionIdsCommandInput,
  ListSecretVersionIdsCommandOutput,
  SecretListEntry,
  SecretVersionsListEntry,
} from '@aws-sdk/client-secrets-manager';
import type { Handler, Output } from '../context.js';
import { secretMetadata } from '../describe.js';
import { checkFilters, matchesFilters } from '../filters.js';
import { arnIn, requireSecret } from '../lookup.js';
import { paginate } from '../paging.js';
import type { RegionalSecret } from '../store.js';
import { versionIdsToStages } from '../versions.js';

/** DescribeSecret (works on secrets scheduled for deletion: they show `DeletedDate`). */
export const describeSecret: Handler<DescribeSecretCommandInput, Output<DescribeSecretCommandOutput>> = (
  ctx,
  input,
) => {
  const found = requireSecret(ctx, input.SecretId);
  return { ...secretMetadata(found), VersionIdsToStages: versionIdsToStages(found.secret) };
};

type SortKey = (r: RegionalSecret) => number | string;

const SORT_KEYS: Record<string, SortKey> = {
  'created-date': (r) => r.secret.createdDate.getTime(),
  'last-changed-date': (r) => r.secret.lastChangedDate.getTime(),
  'last-accessed-date': (r) => r.secret.lastAccessedDate?.getTime() ?? 0,
  name: (r) => r.secret.name,
};

/** ListSecrets: filters, IncludePlannedDeletion, SortBy/SortOrder, paging (at most 100 a page). */
export const listSecrets: Handler<ListSecretsCommandInput, Output<ListSecretsCommandOutput>> = (
  ctx,
  input,
) => {
  checkFilters(ctx, input.Filters);
  const key = SORT_KEYS[input.SortBy ?? 'created-date'];
  if (!key) throw ctx.errors.invalidParameter(`Invalid SortBy: ${String(input.SortBy)}.`);
  const direction = input.SortOrder === 'desc' ? -1 : 1;
  const matching = ctx.store
    .inRegion(ctx.region)
    .filter(
      (r) =>
        (input.IncludePlannedDeletion === true || r.secret.deletedDate === undefined) &&
        matchesFilters(r, input.Filters),
    )
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ka = key(a.r);
      const kb = key(b.r);
      return (ka < kb ? -1 : ka > kb ? 1 : a.i - b.i) * direction;
    })
    .map(({ r }) => r);
  const page = paginate(ctx, matching, input.MaxResults, input.NextToken, 100, 100);
  const SecretList = page.items.map((r): SecretListEntry => {
    const { ReplicationStatus: _omit, ...entry } = secretMetadata(r);
    return { ...entry, SecretVersionsToStages: versionIdsToStages(r.secret) };
  });
  const out: Output<ListSecretsCommandOutput> = { SecretList };
  if (page.nextToken !== undefined) out.NextToken = page.nextToken;
  return out;
};

/** ListSecretVersionIds: labelled versions, plus deprecated ones with IncludeDeprecated; paged. */
export const listSecretVersionIds: Handler<
  ListSecretVersionIdsCommandInput,
  Output<ListSecretVersionIdsCommandOutput>
> = (ctx, input) => {
  const found = requireSecret(ctx, input.SecretId);
  const versions = [...found.secret.versions.values()].filter(
    (v) => input.IncludeDeprecated === true || v.stages.size > 0,
  );
  const page = paginate(ctx, versions, input.MaxResults, input.NextToken, 100, 100);
  const Versions = page.items.map((v): SecretVersionsListEntry => {
    const entry: SecretVersionsListEntry = {
      VersionId: v.versionId,
      VersionStages: [...v.stages],
      CreatedDate: new Date(v.createdDate),
      KmsKeyIds: [v.kmsKeyId ?? 'DefaultEncryptionKey'],
    };
    if (v.lastAccessedDate) entry.LastAccessedDate = new Date(v.lastAccessedDate);
    return entry;
  });
  const out: Output<ListSecretVersionIdsCommandOutput> = {
    ARN: arnIn(found),
    Name: found.secret.name,
    Versions,
  };
  if (page.nextToken !== undefined) out.NextToken = page.nextToken;
  return out;
};
