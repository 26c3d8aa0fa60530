import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { SecretsAdmin } from '../../../src/admin/index.js';
import { SecretsClient, VERSION } from '../../../src/index.js';
import { mockedSecretsManager } from '../../support/mock-sdk.js';

const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf';

describe('SecretsClient and a known NextRotationDate', () => {
  it('treats a value as stale at the rotation date, before the TTL ends', async () => {
    const { sdk, sm } = mockedSecretsManager();
    let now = 1_000_000;
    sm.on(DescribeSecretCommand).resolves({ Name: 'db', ARN: arn, NextRotationDate: new Date(now + 60_000) });
    sm.on(GetSecretValueCommand).resolves({ Name: 'db', ARN: arn, VersionId: 'v1', SecretString: 'x' });
    const client = new SecretsClient({
      client: sdk,
      region: 'us-east-1',
      clock: { now: () => now },
      random: () => 0,
      staleWhileRevalidateMs: 0,
    });
    const admin = new SecretsAdmin({ client: sdk, region: 'us-east-1', readers: [client] });
    await admin.describeSecret('db');
    await client.getString('db');
    now += 59_000;
    await client.getString('db');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    now += 2_000; // past the rotation date, far inside the 5-minute TTL
    await client.getString('db');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    client.close();
  });
});

describe('secretkit user agent', () => {
  async function userAgentOf(
    make: (handler: { handle: (req: unknown) => Promise<unknown> }) => SecretsClient,
  ) {
    let header = '';
    const handler = {
      handle: async (request: unknown) => {
        header = (request as { headers: Record<string, string> }).headers['x-amz-user-agent'] ?? '';
        return {
          response: {
            statusCode: 200,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: new TextEncoder().encode(
              JSON.stringify({ Name: 'k', ARN: arn, VersionId: 'v', SecretString: 's' }),
            ),
          },
        };
      },
    };
    const client = make(handler);
    await client.getString('k');
    client.close();
    return header;
  }
  const credentials = { accessKeyId: 'a', secretAccessKey: 'b' };

  it('is on clients secretkit creates', async () => {
    const ua = await userAgentOf(
      (requestHandler) =>
        new SecretsClient({
          region: 'us-east-1',
          clientConfig: { credentials, requestHandler: requestHandler as never },
        }),
    );
    expect(ua).toContain(`secretkit/${VERSION}`);
  });

  it('keeps the user agent the caller configured', async () => {
    const ua = await userAgentOf(
      (requestHandler) =>
        new SecretsClient({
          region: 'us-east-1',
          clientConfig: {
            credentials,
            requestHandler: requestHandler as never,
            customUserAgent: 'my-app/2.1',
          },
        }),
    );
    expect(ua).toContain('my-app/2.1');
    expect(ua).toContain(`secretkit/${VERSION}`);
  });

  it('is added to a client the user passes in, once', async () => {
    const ua = await userAgentOf((requestHandler) => {
      const sdk = new SecretsManagerClient({
        region: 'us-east-1',
        credentials,
        requestHandler: requestHandler as never,
      });
      new SecretsClient({ client: sdk, region: 'us-east-1' }).close();
      return new SecretsClient({ client: sdk, region: 'us-east-1' });
    });
    expect(ua).toContain(`secretkit/${VERSION}`);
    expect(ua.split(`secretkit/${VERSION}`)).toHaveLength(2);
  });

  it("adds no middleware to the user's client (each one costs every call), only the SDK's own customUserAgent pair", () => {
    const sdk = new SecretsManagerClient({ region: 'us-east-1', credentials, customUserAgent: 'my-app/2.1' });
    const before = sdk.middlewareStack.identify();
    new SecretsClient({ client: sdk, region: 'us-east-1' }).close();
    expect(sdk.middlewareStack.identify()).toEqual(before);
    expect(sdk.config.customUserAgent).toEqual([['my-app/2.1'], ['secretkit', VERSION]]);
  });
});
