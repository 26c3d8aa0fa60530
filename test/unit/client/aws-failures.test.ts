/**
 * Failures moto cannot produce (throttling sequences, DecryptionFailure, AccessDeniedException,
 * expired signatures), with aws-sdk-client-mock on a real SecretsManagerClient.
 */
import {
  DecryptionFailure,
  GetSecretValueCommand,
  InternalServiceError,
  SecretsManagerServiceException,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SecretkitEvent, SecretsClient } from '../../../src/index.js';
import { codeOf } from '../../support/errors.js';
import { mockedSecretsManager } from '../../support/mock-sdk.js';

const { sdk, sm } = mockedSecretsManager();

function awsError(name: string, status: number, fault: 'client' | 'server' = 'client', extra = {}) {
  return new SecretsManagerServiceException({
    name,
    $fault: fault,
    $metadata: { httpStatusCode: status },
    message: `${name} happened`,
    ...extra,
  });
}

const value = {
  Name: 'app/key',
  ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/key-AbCdEf',
  VersionId: 'v1',
};

describe('SecretsClient with failures only a mock can produce', () => {
  let now = 1_000_000;
  const clock = { now: () => now };
  let client: SecretsClient;
  const events: SecretkitEvent[] = [];
  beforeEach(() => {
    sm.reset();
    now = 1_000_000;
    events.length = 0;
    client = new SecretsClient({
      client: sdk,
      region: 'us-east-1',
      clock,
      random: () => 0,
      onEvent: (e) => events.push(e),
    });
  });
  afterEach(() => client.close());

  it('maps DecryptionFailure, AccessDeniedException and an unparsed 403 to their codes, pointing to the doctor', async () => {
    sm.on(GetSecretValueCommand, { SecretId: 'kms' }).rejects(
      new DecryptionFailure({ $metadata: { httpStatusCode: 400 }, message: 'KMS said no' }),
    );
    sm.on(GetSecretValueCommand, { SecretId: 'denied' }).rejects(awsError('AccessDeniedException', 400));
    sm.on(GetSecretValueCommand, { SecretId: 'xml403' }).rejects(
      Object.assign(new SyntaxError('Unexpected token <'), { $metadata: { httpStatusCode: 403 } }),
    );
    expect(await codeOf(client.getString('kms'))).toBe('DECRYPTION_FAILURE');
    expect(await codeOf(client.getString('denied'))).toBe('ACCESS_DENIED');
    expect(await codeOf(client.getString('xml403'))).toBe('ACCESS_DENIED');
    const error = await client.getString('denied').catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain('secretkit doctor');
    expect((error as Error).cause).toBeInstanceOf(SecretsManagerServiceException);
  });

  it('serves the stale value while AWS throttles, backs off, and fails closed past maxStaleMs', async () => {
    client.close();
    client = new SecretsClient({
      client: sdk,
      region: 'us-east-1',
      clock,
      random: () => 0,
      ttlMs: 60_000,
      staleWhileRevalidateMs: 0,
      maxStaleMs: 600_000,
      onEvent: (e) => events.push(e),
    });
    sm.on(GetSecretValueCommand).resolvesOnce({ ...value, SecretString: 'good' });
    expect(await client.getString('app/key')).toBe('good');
    sm.on(GetSecretValueCommand).rejects(
      awsError('ThrottlingException', 400, 'client', { $retryable: { throttling: true } }),
    );
    now += 61_000;
    const results: string[] = [];
    // 100 reads spread over ~8 minutes of outage.
    for (let i = 0; i < 100; i++) {
      results.push(await client.getString('app/key'));
      now += 4_800;
    }
    expect(new Set(results)).toEqual(new Set(['good']));
    const calls = sm.commandCalls(GetSecretValueCommand).length - 1;
    // Backoff 1 s doubling to 128 s, jittered into [wait/2, wait] (random() = 0 takes wait/2):
    // over 480 s of reads every 4.8 s that is 13 calls at most, against 100 without backoff.
    expect(calls).toBeGreaterThanOrEqual(8);
    expect(calls).toBeLessThanOrEqual(13);
    expect(client.stats().staleServed).toBe(100);
    expect(events.some((e) => e.type === 'stale')).toBe(true);
    // Past the bound: fail closed with the fault's code.
    now += 600_000;
    expect(await codeOf(client.getString('app/key'))).toBe('THROTTLED');
  });

  it('does not mask answers with a stale value: access denied surfaces and evicts', async () => {
    sm.on(GetSecretValueCommand).resolvesOnce({ ...value, SecretString: 'good' });
    expect(await client.getString('app/key')).toBe('good');
    sm.on(GetSecretValueCommand).rejects(awsError('AccessDeniedException', 400));
    now += 10 * 60_000;
    expect(await codeOf(client.getString('app/key'))).toBe('ACCESS_DENIED');
    expect(client.stats().entries).toBe(0);
  });

  it('maps 5xx to REGION_UNAVAILABLE when nothing is cached', async () => {
    sm.on(GetSecretValueCommand).rejects(
      new InternalServiceError({ $metadata: { httpStatusCode: 500 }, message: 'boom' }),
    );
    const code = await codeOf(client.getString('app/key'));
    expect(['REGION_UNAVAILABLE', 'ALL_REGIONS_FAILED']).toContain(code);
  });

  it('retries once, with a fresh signature, after "Signature expired" (a thawed Lambda)', async () => {
    sm.on(GetSecretValueCommand)
      .rejectsOnce(
        awsError('InvalidSignatureException', 403, 'client', {
          message: 'Signature expired: 20260101T000000Z',
        }),
      )
      .resolves({ ...value, SecretString: 'ok' });
    expect(await client.getString('app/key')).toBe('ok');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    expect(client.stats().apiCalls.byOperation['GetSecretValue']).toBe(2);
  });

  it('does not retry a second expired signature', async () => {
    sm.on(GetSecretValueCommand).rejects(awsError('InvalidSignatureException', 403));
    expect(await codeOf(client.getString('app/key'))).toBe('ACCESS_DENIED');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('sends VersionStage AWSCURRENT explicitly on every default read', async () => {
    sm.on(GetSecretValueCommand).resolves({ ...value, SecretString: 'ok' });
    await client.getString('app/key');
    expect(sm.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({
      SecretId: 'app/key',
      VersionStage: 'AWSCURRENT',
    });
  });
});
