import {
  CreateSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { smClient, useEmulator } from '../support/aws.js';

describe('emulator harness', () => {
  useEmulator();

  it('talks to moto over HTTP with SigV4', async () => {
    const sm = smClient();
    await sm.send(new CreateSecretCommand({ Name: 'harness/one', SecretString: 'v1' }));
    const got = await sm.send(
      new GetSecretValueCommand({ SecretId: 'harness/one', VersionStage: 'AWSCURRENT' }),
    );
    expect(got.SecretString).toBe('v1');
    expect(got.ARN).toMatch(
      /^arn:aws:secretsmanager:us-east-1:123456789012:secret:harness\/one-[A-Za-z0-9]{6}$/,
    );
  });

  it('starts each test from an empty emulator', async () => {
    const listed = await smClient().send(new ListSecretsCommand({}));
    expect(listed.SecretList ?? []).toHaveLength(0);
  });
});
