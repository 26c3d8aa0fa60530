/**
 * ListSecrets as an async iterator over every secret (pages fetched as the caller iterates),
 * with name-prefix and tag filters. Metadata only.
 */
import {
  type Filter,
  ListSecretsCommand,
  type ListSecretsCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { sendPrimary, type WriteContext } from './write-context.js';

/** Filters of `listSecrets`. */
export interface ListSecretsOptions {
  /** Only names starting with this. */
  readonly namePrefix?: string | undefined;
  /** Only secrets with a tag key starting with this. */
  readonly tagKey?: string | undefined;
  /** Only secrets with a tag value starting with this. */
  readonly tagValue?: string | undefined;
  /** Include secrets scheduled for deletion. @defaultValue false */
  readonly includePlannedDeletion?: boolean | undefined;
  /** Page size (1–100). @defaultValue 100 */
  readonly pageSize?: number | undefined;
}

/** One listed secret. */
export interface SecretListEntry {
  /** The secret's full ARN. */
  readonly arn: string;
  /** The secret's name. */
  readonly name: string;
  /** The secret's description, if set. */
  readonly description?: string | undefined;
  /** The KMS key encrypting the secret; absent when it uses `aws/secretsmanager`. */
  readonly kmsKeyId?: string | undefined;
  /** The secret's tags, key → value (empty when none). */
  readonly tags: Readonly<Record<string, string>>;
  /** When the secret was last changed (value, metadata or labels). */
  readonly lastChangedDate?: Date | undefined;
  /** When the next scheduled rotation is due, if rotation is on. */
  readonly nextRotationDate?: Date | undefined;
  /** Set when the secret is scheduled for deletion (listed only with `includePlannedDeletion`). */
  readonly deletedDate?: Date | undefined;
  /** The primary region (set on replicas and on primaries with replicas). */
  readonly primaryRegion?: string | undefined;
}

/** Iterates over every matching secret. */
export async function* listSecrets(
  ctx: WriteContext,
  options: ListSecretsOptions = {},
): AsyncGenerator<SecretListEntry> {
  const filters: Filter[] = [];
  if (options.namePrefix) filters.push({ Key: 'name', Values: [options.namePrefix] });
  if (options.tagKey) filters.push({ Key: 'tag-key', Values: [options.tagKey] });
  if (options.tagValue) filters.push({ Key: 'tag-value', Values: [options.tagValue] });
  let token: string | undefined;
  do {
    const out: ListSecretsCommandOutput = await sendPrimary(
      ctx,
      'ListSecrets',
      undefined,
      new ListSecretsCommand({
        Filters: filters.length ? filters : undefined,
        IncludePlannedDeletion: options.includePlannedDeletion,
        MaxResults: options.pageSize ?? 100,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    for (const s of out.SecretList ?? []) {
      // moto (and older AWS answers) can match name filters by substring: keep the prefix contract.
      if (options.namePrefix && !(s.Name ?? '').startsWith(options.namePrefix)) continue;
      yield {
        arn: s.ARN ?? '',
        name: s.Name ?? '',
        description: s.Description,
        kmsKeyId: s.KmsKeyId,
        tags: Object.fromEntries((s.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
        lastChangedDate: s.LastChangedDate,
        nextRotationDate: s.NextRotationDate,
        deletedDate: s.DeletedDate,
        primaryRegion: s.PrimaryRegion,
      };
    }
    token = out.NextToken;
  } while (token);
}
