/**
 * An answer that preload reports for a secret ("you may not read this", "no such secret") evicts
 * its cached value, as the same answer to a read would. BatchGetSecretValue's per-secret Errors[]
 * with AccessDeniedException cannot be produced by moto (it enforces no IAM), hence the mock.
 */
import { BatchGetSecretValueCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSecretkitError, SecretsClient } from '../../../src/index.js';
import { mockedSecretsManager } from '../../support/mock-sdk.js';

const { sdk, sm } = mockedSecretsManager();
const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:key-AbCdEf';

describe('preload answers evict cached values', () => {
  let now = 0;
  let client: SecretsClient;
  beforeEach(() => {
    sm.reset();
    now = 0;
    sm.on(GetSecretValueCommand).resolvesOnce({
      Name: 'key',
      ARN: arn,
      VersionId: 'v1',
      SecretString: 'old',
    });
    client = new SecretsClient({
      client: sdk,
      region: 'us-east-1',
      clock: { now: () => now },
      random: () => 0,
      ttlMs: 1_000,
      staleWhileRevalidateMs: 60_000,
      maxStaleMs: 60_000,
    });
  });
  afterEach(() => client.close());

  it('a denial reported by preload evicts: the next read inside the window does not get the old value', async () => {
    await expect(client.getString('key')).resolves.toBe('old');
    now += 1_500; // expired, inside the stale-while-revalidate window
    sm.on(BatchGetSecretValueCommand).resolves({
      SecretValues: [],
      Errors: [{ SecretId: 'key', ErrorCode: 'AccessDeniedException', Message: 'denied' }],
    });
    sm.on(GetSecretValueCommand).rejects(
      Object.assign(new Error('denied'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const result = await client.preload(['key']);
    expect(result.failed.map((f) => f.error.code)).toEqual(['ACCESS_DENIED']);
    const read = await client.getString('key').catch((e: unknown) => e);
    expect(isSecretkitError(read, 'ACCESS_DENIED')).toBe(true);
  });

  it('a fault reported by preload does not evict: the value stays for stale-if-error', async () => {
    await expect(client.getString('key')).resolves.toBe('old');
    now += 1_500;
    sm.on(BatchGetSecretValueCommand).resolves({
      SecretValues: [],
      Errors: [{ SecretId: 'key', ErrorCode: 'InternalServiceError', Message: 'boom' }],
    });
    sm.on(GetSecretValueCommand).resolves({ Name: 'key', ARN: arn, VersionId: 'v1', SecretString: 'old' });
    const result = await client.preload(['key']);
    expect(result.failed).toHaveLength(1);
    await expect(client.getString('key')).resolves.toBe('old');
  });

  it('a partial ARN of a region outside the client fails alone with INVALID_ARGUMENT, the rest loads', async () => {
    sm.on(BatchGetSecretValueCommand).resolves({
      SecretValues: [{ Name: 'key', ARN: arn, VersionId: 'v1', SecretString: 'old' }],
    });
    const foreign = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:key';
    const result = await client.preload(['key', foreign]);
    expect(result.loaded).toEqual(['key']);
    expect(result.failed.map((f) => [f.secretId, f.error.code])).toEqual([[foreign, 'INVALID_ARGUMENT']]);
    expect(sm.commandCalls(BatchGetSecretValueCommand)[0]?.args[0].input.SecretIdList).toEqual(['key']);
  });
});
