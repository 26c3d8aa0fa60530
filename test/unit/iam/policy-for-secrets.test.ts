import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { policyForSecrets } from '../../../src/iam/policy-for-secrets.js';

const sm = mockClient(SecretsManagerClient);
const kms = mockClient(KMSClient);
const ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:app/prod/db-AbC123';
const US_KEY = 'arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';
const EU_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';

beforeEach(() => {
  sm.reset();
  kms.reset();
});

describe('policyForSecrets (mocked: per-region replica keys)', () => {
  it('resolves the primary key alias and the replica key in its own region', async () => {
    sm.on(DescribeSecretCommand).resolves({
      ARN,
      Name: 'app/prod/db',
      KmsKeyId: 'alias/app-prod',
      ReplicationStatus: [
        { Region: 'eu-west-1', KmsKeyId: 'alias/app-prod', Status: 'InSync' },
        { Region: 'ap-southeast-2', Status: 'InSync' },
      ],
    });
    const asked: string[] = [];
    const kmsClient = (region: string) => {
      asked.push(region);
      const client = new KMSClient({ region });
      return {
        send: ((command: DescribeKeyCommand) =>
          client.send(command).then((out) => ({
            ...out,
            KeyMetadata: { ...out.KeyMetadata, Arn: region === 'eu-west-1' ? EU_KEY : US_KEY },
          }))) as KMSClient['send'],
      };
    };
    kms
      .on(DescribeKeyCommand)
      .resolves({ KeyMetadata: { KeyId: 'k', KeyManager: 'CUSTOMER', KeyState: 'Enabled' } });
    const { policy, secrets } = await policyForSecrets(
      { secretsClient: new SecretsManagerClient({ region: 'us-east-1' }), kmsClient },
      ['app/prod/db'],
    );
    expect(asked).toEqual(['us-east-1', 'eu-west-1']);
    expect(secrets[0]).toMatchObject({ arn: ARN, regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] });
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Resource: [
          'arn:aws:secretsmanager:ap-southeast-2:111122223333:secret:app/prod/db-AbC123',
          'arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/prod/db-AbC123',
          ARN,
        ],
      },
      { Effect: 'Allow', Action: 'secretsmanager:BatchGetSecretValue', Resource: '*' },
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: EU_KEY,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
      },
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: US_KEY,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
      },
    ]);
  });

  it('skips AWS managed keys (by alias and by KeyManager)', async () => {
    sm.on(DescribeSecretCommand).resolves({
      ARN,
      KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/aaaa',
      ReplicationStatus: [{ Region: 'eu-west-1', KmsKeyId: 'alias/aws/secretsmanager' }],
    });
    kms.on(DescribeKeyCommand).resolves({
      KeyMetadata: { KeyId: 'aaaa', KeyManager: 'AWS', Arn: 'arn:aws:kms:us-east-1:111122223333:key/aaaa' },
    });
    const { policy } = await policyForSecrets(
      {
        secretsClient: new SecretsManagerClient({ region: 'us-east-1' }),
        kmsClient: new KMSClient({ region: 'us-east-1' }),
      },
      [ARN],
    );
    expect(JSON.stringify(policy)).not.toContain('kms:');
    expect(kms.commandCalls(DescribeKeyCommand)).toHaveLength(1);
  });

  it('asks for a KMS client when a customer-managed key must be resolved', async () => {
    sm.on(DescribeSecretCommand).resolves({ ARN, KmsKeyId: 'alias/app' });
    await expect(
      policyForSecrets({ secretsClient: new SecretsManagerClient({ region: 'us-east-1' }) }, [ARN]),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('asks for a per-region function when a replica key is in another region', async () => {
    sm.on(DescribeSecretCommand).resolves({
      ARN,
      ReplicationStatus: [{ Region: 'eu-west-1', KmsKeyId: 'alias/app' }],
    });
    await expect(
      policyForSecrets(
        {
          secretsClient: new SecretsManagerClient({ region: 'us-east-1' }),
          kmsClient: new KMSClient({ region: 'us-east-1' }),
        },
        [ARN],
      ),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/\(region\) =>/) });
  });

  it('maps AWS errors to SecretkitError codes', async () => {
    sm.on(DescribeSecretCommand).rejects(
      Object.assign(new Error('not authorized'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await expect(
      policyForSecrets({ secretsClient: new SecretsManagerClient({ region: 'us-east-1' }) }, [ARN]),
    ).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
    });
  });
});
