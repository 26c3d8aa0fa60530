/** The synchronous hit path must agree with the full read path in every case. */
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isSecretkitError, SecretsClient } from '../../../src/index.js';
import { mockedSecretsManager } from '../../support/mock-sdk.js';

const { sdk, sm } = mockedSecretsManager();
const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x-AbCdEf';

describe('SecretsClient hit path', () => {
  let now = 0;
  let client: SecretsClient;
  beforeEach(() => {
    sm.reset();
    now = 0;
    sm.on(GetSecretValueCommand, { SecretId: 'json' }).resolves({
      Name: 'json',
      ARN: arn,
      VersionId: 'v1',
      SecretString: '{"port":5432}',
    });
    sm.on(GetSecretValueCommand, { SecretId: 'bin' }).resolves({
      Name: 'bin',
      ARN: arn,
      VersionId: 'v1',
      SecretBinary: new Uint8Array([1]),
    });
    client = new SecretsClient({
      client: sdk,
      region: 'us-east-1',
      clock: { now: () => now },
      random: () => 0,
      ttlMs: 1000,
    });
  });
  afterEach(() => client.close());

  it('counts hits and makes no call while fresh', async () => {
    const Port = z.object({ port: z.number() });
    await client.getJson('json', Port);
    for (let i = 0; i < 10; i++) expect(await client.getJson('json', Port)).toEqual({ port: 5432 });
    expect(await client.getString('json')).toBe('{"port":5432}');
    expect(client.stats().hits).toBe(11);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('answers getJson without a schema synchronously once the version was parsed: one parse, one hit per read', async () => {
    const first = await client.getJson('json');
    const hitsBefore = client.stats().hits;
    let got: unknown;
    void client.getJson('json').then((value) => {
      got = value;
    });
    await Promise.resolve(); // one microtask: only an already-resolved promise is settled by now
    expect(got).toBe(first); // the same frozen parse, no re-parse
    for (let i = 0; i < 5; i++) expect(await client.getJson('json')).toBe(first);
    expect(client.stats().hits - hitsBefore).toBe(6);
    expect(Object.isFrozen(first)).toBe(true);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    // Options take the full path, and a binary secret still fails there.
    expect(await client.getJson('json', { versionStage: 'AWSCURRENT' })).toEqual({ port: 5432 });
    await client.getBinary('bin');
    const notString = await client.getJson('bin').catch((e: unknown) => e);
    expect(isSecretkitError(notString, 'NOT_A_STRING')).toBe(true);
  });

  it('still throws NOT_A_STRING for a cached binary secret, and validates a new schema', async () => {
    await client.getBinary('bin');
    const error = await client.getString('bin').catch((e: unknown) => e);
    expect(isSecretkitError(error, 'NOT_A_STRING')).toBe(true);
    await client.getJson('json', z.object({ port: z.number() }));
    const mismatch = await client.getJson('json', z.object({ port: z.string() })).catch((e: unknown) => e);
    expect(isSecretkitError(mismatch, 'SCHEMA_MISMATCH')).toBe(true);
  });

  it('leaves the hit path once the entry enters its refresh-ahead window, after invalidate and after close', async () => {
    await client.getString('json');
    now = 900; // within the last 20 % of the 1 s TTL: served at once, one background refresh
    await client.getString('json');
    await new Promise((r) => setImmediate(r));
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    client.invalidate('json');
    await client.getString('json');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(3);
    client.close();
    const closed = await client.getString('json').catch((e: unknown) => e);
    expect(isSecretkitError(closed, 'CLIENT_CLOSED')).toBe(true);
  });
});

describe('SecretsClient.preload concurrency', () => {
  it('keeps at most BATCH_CONCURRENCY BatchGetSecretValue calls in flight', async () => {
    const { BatchGetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const { BATCH_CONCURRENCY } = await import('../../../src/client/preload.js');
    let inFlight = 0;
    let most = 0;
    sm.reset();
    sm.on(BatchGetSecretValueCommand).callsFake(async (input: { SecretIdList: string[] }) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return {
        SecretValues: input.SecretIdList.map((id) => ({
          Name: id,
          ARN: `${arn}-${id}`,
          VersionId: 'v',
          SecretString: id,
        })),
      };
    });
    const client = new SecretsClient({ client: sdk, region: 'us-east-1' });
    const ids = Array.from({ length: 400 }, (_, i) => `s${i}`);
    const result = await client.preload(ids);
    expect(result.loaded).toHaveLength(400);
    expect(sm.commandCalls(BatchGetSecretValueCommand)).toHaveLength(20);
    expect(most).toBe(BATCH_CONCURRENCY);
    client.close();
  });
});
