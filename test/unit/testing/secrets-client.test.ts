/**
 * The fake as users plug it in: `new SecretsClient({ client: fake })`.
 */
import { describe, expect, it } from 'vitest';
import { failover } from '../../../src/failover/index.js';
import { isSecretkitError, SecretsClient } from '../../../src/index.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

describe('InMemorySecretsManager behind SecretsClient', () => {
  it('serves cached reads, sees a rotation after invalidate, and counts API calls', async () => {
    const now = Date.UTC(2030, 0, 1);
    const clock = { now: () => now };
    const fake = new InMemorySecretsManager({ clock });
    fake.seed({ name: 'prod/db', json: { password: 'old' } });
    const secrets = new SecretsClient({ client: fake, region: 'us-east-1', clock, ttlMs: 60_000 });
    try {
      expect(await secrets.getJson('prod/db')).toEqual({ password: 'old' });
      expect(await secrets.getJson('prod/db')).toEqual({ password: 'old' });
      expect(fake.calls('GetSecretValue')).toBe(1);
      fake.simulateRotation('prod/db', { json: { password: 'new' } });
      secrets.invalidate('prod/db');
      expect(await secrets.getJson('prod/db')).toEqual({ password: 'new' });
      expect(fake.calls('GetSecretValue')).toBe(2);
    } finally {
      secrets.close();
    }
  });

  it('maps the fake errors to secretkit codes', async () => {
    const fake = new InMemorySecretsManager();
    const secrets = new SecretsClient({ client: fake, region: 'us-east-1' });
    try {
      const missing = await secrets.getString('nope').catch((e: unknown) => e);
      expect(isSecretkitError(missing, 'NOT_FOUND')).toBe(true);
      fake.seed({ name: 'gone', value: 'v' });
      fake.failNext(1, 'accessDenied');
      const denied = await secrets.getString('gone').catch((e: unknown) => e);
      expect(isSecretkitError(denied, 'ACCESS_DENIED')).toBe(true);
    } finally {
      secrets.close();
    }
  });

  it('fails over to a replica region client during a primary outage', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 'api-key', value: 'k1', replicaRegions: ['us-west-2'] });
    const secrets = new SecretsClient({
      client: fake,
      region: 'us-east-1',
      failover: failover({ replicaRegions: ['us-west-2'] }),
      replicaClients: { 'us-west-2': fake.client('us-west-2') },
    });
    try {
      fake.setOutage('us-east-1', 'server');
      expect(await secrets.getString('api-key')).toBe('k1');
      expect(fake.calls({ region: 'us-west-2', outcome: 'ok' })).toBe(1);
    } finally {
      secrets.close();
    }
  });
});
