import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { smClient, useEmulator, useSecretsAdmin, useSecretsClient } from '../../support/aws.js';

/**
 * The cache keeps one record per secret, keyed by the ARN AWS returns: every id of a secret
 * (name, full ARN, partial ARN) shares its value, its invalidation and its writes.
 */
describe('one secret, one cache record, whatever id reads it', () => {
  useEmulator();
  const make = useSecretsClient();
  const admin = useSecretsAdmin();

  const create = async (name: string, value: string) => {
    const out = await smClient().send(new CreateSecretCommand({ Name: name, SecretString: value }));
    const arn = out.ARN as string;
    return { arn, partial: arn.slice(0, -7) };
  };

  it('a read by name makes a read by the ARN it returned a hit: one call', async () => {
    const { arn } = await create('app/token', 'v1');
    const secrets = make();
    expect(await secrets.getString('app/token')).toBe('v1');
    expect(await secrets.getString(arn)).toBe('v1');
    expect(secrets.stats().apiCalls.byOperation).toEqual({ GetSecretValue: 1 });
    expect(secrets.stats().entries).toBe(1);
  });

  it('a read by partial ARN and one by name share one record after both are known', async () => {
    const { partial } = await create('app/db', 'v1');
    const secrets = make();
    expect(await secrets.getString(partial)).toBe('v1');
    expect(await secrets.getString('app/db')).toBe('v1'); // a new id: one load, the same record
    expect(await secrets.getString(partial)).toBe('v1');
    expect(await secrets.getString('app/db')).toBe('v1');
    expect(secrets.stats().apiCalls.byOperation).toEqual({ GetSecretValue: 2 });
    expect(secrets.stats().entries).toBe(1);
  });

  it('invalidate by any id drops the value read under every other id', async () => {
    const { arn, partial } = await create('app/key', 'v1');
    const secrets = make();
    await secrets.getString(arn);
    await secrets.getString('app/key');
    for (const id of [partial, 'app/key', arn]) {
      await smClient().send(new PutSecretValueCommand({ SecretId: 'app/key', SecretString: `after-${id}` }));
      expect(secrets.invalidate(id)).toBe(1);
      // Every id reads the new value: nothing was left under the ARN or the name.
      expect(await secrets.getString(arn)).toBe(`after-${id}`);
      expect(await secrets.getString('app/key')).toBe(`after-${id}`);
    }
  });

  it('a write by name is seen at once by a reader that read the secret by ARN', async () => {
    const { arn } = await create('app/conf', 'v1');
    const secrets = make();
    const writer = admin([secrets]);
    expect(await secrets.getString(arn)).toBe('v1');
    await writer.putSecretValue('app/conf', { string: 'v2' });
    expect(await secrets.getString(arn)).toBe('v2');
  });

  it('a read that raced a write under another id does not cache the old value', async () => {
    const { arn } = await create('app/race', 'old');
    const secrets = make();
    const writer = admin([secrets]);
    const racing = secrets.getString(arn); // in flight under the ARN
    await writer.putSecretValue('app/race', { string: 'new' }); // invalidates by name meanwhile
    await racing; // whichever value it saw, it must not stay in the cache
    expect(await secrets.getString(arn)).toBe('new');
    expect(await secrets.getString('app/race')).toBe('new');
  });

  it('preload under several ids of one secret loads it once per id and keeps one record', async () => {
    const { arn } = await create('app/pre', 'v1');
    const secrets = make();
    const result = await secrets.preload(['app/pre', arn]);
    expect(result.failed).toEqual([]);
    expect([...result.loaded].sort()).toEqual(['app/pre', arn].sort());
    const calls = secrets.stats().apiCalls.total;
    expect(await secrets.getString('app/pre')).toBe('v1');
    expect(await secrets.getString(arn)).toBe('v1');
    expect(secrets.stats().apiCalls.total).toBe(calls);
    expect(secrets.stats().entries).toBe(1);
  });

  it('two secrets whose names differ by a suffix-like tail stay apart', async () => {
    await create('app/x', 'short');
    await create('app/x-AbCdEf', 'long');
    const secrets = make();
    expect(await secrets.getString('app/x')).toBe('short');
    expect(await secrets.getString('app/x-AbCdEf')).toBe('long');
    expect(await secrets.getString('app/x')).toBe('short');
    expect(secrets.stats().entries).toBe(2);
  });
});
