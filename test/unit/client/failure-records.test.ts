/**
 * What the cache remembers of a failure (backoff after a fault, not-found memory) is code,
 * message, secret, region and details: not the SDK error object it was mapped from.
 */
import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerServiceException,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { SecretsClient } from '../../../src/index.js';
import { mockedSecretsManager } from '../../support/mock-sdk.js';

describe('SecretsClient failure records', () => {
  it('a fault in backoff is rethrown as code and message, without the SDK error', async () => {
    const { sdk, sm } = mockedSecretsManager();
    sm.on(GetSecretValueCommand).rejects(
      new SecretsManagerServiceException({
        name: 'InternalServiceError',
        $fault: 'server',
        $metadata: { httpStatusCode: 500 },
        message: 'boom',
      }),
    );
    const client = new SecretsClient({ client: sdk, region: 'us-east-1', clock: { now: () => 1_000 } });
    const first = await client.getString('app/key').catch((e: unknown) => e);
    const second = await client.getString('app/key').catch((e: unknown) => e);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(first).toMatchObject({ code: 'REGION_UNAVAILABLE' });
    expect((first as Error).cause).toBeDefined();
    expect(second).toMatchObject({
      code: 'REGION_UNAVAILABLE',
      message: (first as Error).message,
      secretId: 'app/key',
      region: 'us-east-1',
    });
    expect((second as Error).cause).toBeUndefined();
    client.close();
  });

  it('a remembered NOT_FOUND holds no SDK error either', async () => {
    const { sdk, sm } = mockedSecretsManager();
    sm.on(GetSecretValueCommand).rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));
    const client = new SecretsClient({ client: sdk, region: 'us-east-1', clock: { now: () => 1_000 } });
    await expect(client.getString('gone')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const again = await client.getString('gone').catch((e: unknown) => e);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(again).toMatchObject({ code: 'NOT_FOUND' });
    expect((again as Error).cause).toBeUndefined();
    client.close();
  });
});
