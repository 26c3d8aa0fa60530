/**
 * A garbled or truncated HTTP 200 body (the SDK's JSON parser throws SyntaxError) is a fault,
 * like a 5xx: the cached value is not evicted, it is served within maxStaleMs, and a replica
 * region is tried. Real SDK clients with a request handler that answers as AWS would.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { failover } from '../../../src/failover/index.js';
import { type SecretkitEvent, SecretsClient } from '../../../src/index.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/key-AbCdEf';

function sdkFor(region: string, body: () => string): SecretsManagerClient {
  return new SecretsManagerClient({
    region,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: 200,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          body: new TextEncoder().encode(body()),
        },
      }),
    } as never,
  });
}

const good = (value: string) =>
  JSON.stringify({ Name: 'app/key', ARN, VersionId: 'v1', SecretString: value });

describe('a garbled 200 body', () => {
  it('does not evict the cached value: it is served stale within maxStaleMs', async () => {
    let garbled = false;
    let now = 1_000_000;
    const events: SecretkitEvent[] = [];
    const sdk = sdkFor('us-east-1', () => (garbled ? good('v1').slice(0, 25) : good('v1')));
    const client = new SecretsClient({
      client: sdk,
      region: 'us-east-1',
      clock: { now: () => now },
      random: () => 0,
      ttlMs: 1_000,
      staleWhileRevalidateMs: 0,
      onEvent: (e) => events.push(e),
    });
    expect(await client.getString('app/key')).toBe('v1');
    garbled = true;
    now += 5_000;
    expect(await client.getString('app/key')).toBe('v1');
    expect(events.some((e) => e.type === 'evict')).toBe(false);
    expect(events.some((e) => e.type === 'stale')).toBe(true);
    expect(client.stats().staleServed).toBe(1);
    client.close();
  });

  it('fails over to a replica region', async () => {
    const primary = sdkFor('us-east-1', () => '{"Name":"app/key","SecretStr');
    const replica = sdkFor('us-west-2', () => good('from-replica'));
    const client = new SecretsClient({
      client: primary,
      region: 'us-east-1',
      failover: failover({ replicaRegions: ['us-west-2'] }),
      replicaClients: { 'us-west-2': replica },
    });
    expect(await client.getString('app/key')).toBe('from-replica');
    expect(client.stats().failovers).toBe(1);
    client.close();
  });
});
