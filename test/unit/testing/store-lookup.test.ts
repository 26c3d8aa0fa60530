/**
 * Lookups by name go through the store's name index (not a scan of every secret): a secret
 * deleted for good, purged at the end of its window, or promoted from a replica is found (or not)
 * by name and by ARN exactly as before, with thousands of secrets.
 */
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  ResourceNotFoundException,
  StopReplicationToReplicaCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

const value = async (client: Pick<InMemorySecretsManager, 'send'>, SecretId: string) =>
  (await client.send(new GetSecretValueCommand({ SecretId }))).SecretString;

describe('lookups by name and ARN', () => {
  it('finds each of thousands of secrets by name, full ARN and partial ARN', async () => {
    const fake = new InMemorySecretsManager({ seed: 3 });
    const seeded = Array.from({ length: 2_000 }, (_, i) => fake.seed({ name: `app/s-${i}`, value: `v${i}` }));
    for (const i of [0, 999, 1_999]) {
      const s = seeded[i]!;
      expect(await value(fake, s.name)).toBe(`v${i}`);
      expect(await value(fake, s.arn)).toBe(`v${i}`);
      expect(await value(fake, s.arn.slice(0, -7))).toBe(`v${i}`);
    }
    await expect(value(fake, `${seeded[5]!.arn.slice(0, -6)}Zzzzzz`)).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('forgets a name deleted for good or purged, and finds the secret created again under it', async () => {
    let now = Date.UTC(2030, 0, 1);
    const fake = new InMemorySecretsManager({ clock: { now: () => now } });
    fake.seed({ name: 'gone', value: 'old' });
    await fake.send(new DeleteSecretCommand({ SecretId: 'gone', ForceDeleteWithoutRecovery: true }));
    await expect(value(fake, 'gone')).rejects.toBeInstanceOf(ResourceNotFoundException);
    await fake.send(new CreateSecretCommand({ Name: 'gone', SecretString: 'new' }));
    expect(await value(fake, 'gone')).toBe('new');
    await fake.send(new DeleteSecretCommand({ SecretId: 'gone', RecoveryWindowInDays: 7 }));
    now += 7 * 86_400_000;
    await expect(value(fake, 'gone')).rejects.toBeInstanceOf(ResourceNotFoundException);
    fake.seed({ name: 'gone', value: 'third' });
    expect(await value(fake, 'gone')).toBe('third');
  });

  it('tells apart the primary and a promoted replica of the same name by region', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 'shared', value: 'primary', replicaRegions: ['eu-west-1'] });
    const replica = fake.client('eu-west-1');
    await replica.send(new StopReplicationToReplicaCommand({ SecretId: 'shared' }));
    expect(await value(replica, 'shared')).toBe('primary');
    expect(await value(fake, 'shared')).toBe('primary');
    await fake.send(new DeleteSecretCommand({ SecretId: 'shared', ForceDeleteWithoutRecovery: true }));
    await expect(value(fake, 'shared')).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(await value(replica, 'shared')).toBe('primary');
  });
});
