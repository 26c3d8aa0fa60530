/**
 * How a rotating pool learns the current credentials: a small replaceable function. The default
 * reads through the SecretsClient cache (so a new version is noticed when the cache refreshes);
 * a change feed can replace it.
 */
import { createHash } from 'node:crypto';
import type { SecretsReader } from '../../client/types.js';
import { type DatabaseSecret, databaseSecretSchema } from '../db-secret.js';

/**
 * Returns the current credentials. `forceRefresh` is true after an authentication failure: the
 * source must then ask AWS, not a cache.
 */
export type CredentialSource = (forceRefresh: boolean) => Promise<DatabaseSecret>;

/**
 * The default source: `reader.getJson(secretId, databaseSecretSchema)`, through the cache.
 *
 * @param reader - a SecretsClient (or anything with its reads)
 * @param secretId - name or ARN
 */
export function cachedCredentials(reader: SecretsReader, secretId: string): CredentialSource {
  return (forceRefresh) => reader.getJson(secretId, databaseSecretSchema, { forceRefresh });
}

/**
 * A digest of what a pool connects with (user, password, host, port, database): equal digests
 * mean the pool can stay. Only the digest is kept for comparisons.
 *
 * @param credentials - the secret's value
 */
export function credentialsDigest(credentials: DatabaseSecret): string {
  const parts = [
    credentials.username,
    credentials.password,
    credentials.host,
    String(credentials.port ?? ''),
    credentials.dbname ?? '',
  ];
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}
