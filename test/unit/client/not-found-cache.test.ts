/** NOT_FOUND answers are remembered for notFoundTtlMs (a verifier asking for AWSPENDING per request). */
import { GetSecretValueCommand, ResourceNotFoundException } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSecretkitError, SecretsClient } from '../../../src/index.js';
import { getAcceptedVersions } from '../../../src/rotation/index.js';
import { mockedSecretsManager } from '../../support/mock-sdk.js';

const { sdk, sm } = mockedSecretsManager();
const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:key-AbCdEf';
const notFound = () =>
  new ResourceNotFoundException({ $metadata: { httpStatusCode: 400 }, message: 'no such stage' });

describe('SecretsClient not-found caching', () => {
  let now = 0;
  let client: SecretsClient;
  beforeEach(() => {
    sm.reset();
    now = 0;
    sm.on(GetSecretValueCommand, { SecretId: 'key', VersionStage: 'AWSCURRENT' }).resolves({
      Name: 'key',
      ARN: arn,
      VersionId: 'v1',
      SecretString: 'k1',
    });
    sm.on(GetSecretValueCommand, { SecretId: 'key', VersionStage: 'AWSPENDING' }).rejects(notFound());
    sm.on(GetSecretValueCommand, { SecretId: 'key', VersionStage: 'AWSPREVIOUS' }).rejects(notFound());
    client = new SecretsClient({
      client: sdk,
      region: 'us-east-1',
      clock: { now: () => now },
      random: () => 0,
    });
  });
  afterEach(() => client.close());

  it('lets a verifier call getAcceptedVersions per request without a call per request', async () => {
    for (let i = 0; i < 50; i++) {
      const accepted = await getAcceptedVersions(client, 'key');
      expect(accepted.map((a) => a.value)).toEqual(['k1']);
      now += 100;
    }
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(3);
    now += 30_000;
    await getAcceptedVersions(client, 'key');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(5);
  });

  it('is skipped by forceRefresh and cleared by invalidate', async () => {
    const first = await client.getString('key', { versionStage: 'AWSPENDING' }).catch((e: unknown) => e);
    expect(isSecretkitError(first, 'NOT_FOUND')).toBe(true);
    await client.getString('key', { versionStage: 'AWSPENDING' }).catch(() => undefined);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    await client.getString('key', { versionStage: 'AWSPENDING', forceRefresh: true }).catch(() => undefined);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    client.invalidate('key');
    await client.getString('key', { versionStage: 'AWSPENDING' }).catch(() => undefined);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(3);
  });

  it('can be turned off', async () => {
    client.close();
    client = new SecretsClient({ client: sdk, region: 'us-east-1', notFoundTtlMs: 0 });
    await client.getString('key', { versionStage: 'AWSPENDING' }).catch(() => undefined);
    await client.getString('key', { versionStage: 'AWSPENDING' }).catch(() => undefined);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });
});
