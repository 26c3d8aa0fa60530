/**
 * Users print their test doubles in failing tests and CI logs: the in-memory Secrets Manager
 * shows its secrets' names and version ids, never their values, in util.inspect, String and
 * JSON.stringify, whatever the depth and options.
 */
import { inspect } from 'node:util';
import { PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

const VALUE = 'hunter2-7f3a-VALUE';
const KEY = 'sk_live_KEY-19ab';
const PUT = 'put-VALUE-5c2e';

function printed(value: unknown): string {
  return [
    String(value),
    `${value}`,
    inspect(value),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    inspect(value, { customInspect: false, depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(value) ?? '',
  ].join('\n');
}

describe('InMemorySecretsManager never prints stored values', () => {
  it('in inspect, String and JSON, after seeds, writes, replication and rotation', async () => {
    const fake = new InMemorySecretsManager({ seed: 7 });
    fake.seed({
      name: 'prod/db',
      json: { password: VALUE, nested: { [KEY]: VALUE } },
      replicaRegions: ['eu-west-1'],
    });
    fake.seed({ name: 'bin', binary: new TextEncoder().encode(VALUE) });
    await fake.send(new PutSecretValueCommand({ SecretId: 'prod/db', SecretString: PUT }));
    fake.simulateRotation('prod/db', { json: { password: `${VALUE}-2` } });
    const client = fake.client('eu-west-1');
    for (const subject of [fake, client, { fake }, [fake]]) {
      const text = printed(subject);
      expect(text).not.toContain(VALUE);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(PUT);
      expect(text).not.toContain(Buffer.from(VALUE).toString('base64'));
    }
    expect(inspect(fake)).toContain('prod/db');
    expect(inspect(fake)).toContain('[redacted]');
  });
});
