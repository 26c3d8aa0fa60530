import { CreateAliasCommand, CreateKeyCommand } from '@aws-sdk/client-kms';
import { CreateSecretCommand, ReplicateSecretToRegionsCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { diagnoseSecretAccess } from '../../../src/iam/diagnose.js';
import { policyForSecrets } from '../../../src/iam/policy-for-secrets.js';
import { kmsClient, smClient, TEST_ACCOUNT, useEmulator } from '../../support/aws.js';

async function createKey(alias?: string): Promise<string> {
  const kms = kmsClient();
  const created = await kms.send(new CreateKeyCommand({ Description: 'secretkit test key' }));
  const arn = created.KeyMetadata?.Arn;
  if (arn === undefined) throw new Error('CreateKey returned no ARN');
  if (alias !== undefined) await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: arn }));
  return arn;
}

const clients = () => ({ secretsClient: smClient(), kmsClient: (region: string) => kmsClient(region) });

describe('policyForSecrets against the emulator', () => {
  useEmulator();

  it('resolves full ARNs and a customer-managed key given by alias', async () => {
    const keyArn = await createKey('alias/app-prod');
    const sm = smClient();
    const db = await sm.send(
      new CreateSecretCommand({ Name: 'app/prod/db', SecretString: 'x', KmsKeyId: 'alias/app-prod' }),
    );
    const api = await sm.send(new CreateSecretCommand({ Name: 'app/prod/api', SecretString: 'y' }));

    const { policy, secrets } = await policyForSecrets(clients(), ['app/prod/db', api.ARN ?? '']);

    expect(secrets.map((s) => s.arn)).toEqual([db.ARN, api.ARN]);
    expect(secrets[0]?.keys).toEqual([{ region: 'us-east-1', reportedKeyId: 'alias/app-prod', keyArn }]);
    expect(secrets[1]?.keys).toEqual([]);
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Resource: [api.ARN, db.ARN].sort(),
      },
      { Effect: 'Allow', Action: 'secretsmanager:BatchGetSecretValue', Resource: '*' },
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: keyArn,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
      },
    ]);
    expect(keyArn).toMatch(new RegExp(`^arn:aws:kms:us-east-1:${TEST_ACCOUNT}:key/`));
  });

  it('resolves a key given by key id, and adds replica regions (AWS managed replica key: no kms statement)', async () => {
    const keyArn = await createKey();
    const keyId = keyArn.split('/').at(-1) ?? '';
    const sm = smClient();
    const created = await sm.send(
      new CreateSecretCommand({ Name: 'app/prod/replicated', SecretString: 'x', KmsKeyId: keyId }),
    );
    await sm.send(
      new ReplicateSecretToRegionsCommand({
        SecretId: 'app/prod/replicated',
        AddReplicaRegions: [{ Region: 'eu-west-1' }],
      }),
    );

    const { policy, secrets } = await policyForSecrets(clients(), ['app/prod/replicated']);

    expect(secrets[0]?.regions).toEqual(['us-east-1', 'eu-west-1']);
    const resources = policy.Statement[0]?.Resource;
    expect(resources).toEqual([created.ARN?.replace(':us-east-1:', ':eu-west-1:'), created.ARN]);
    const kmsStatements = policy.Statement.filter((s) => String(s.Action).startsWith('kms:'));
    expect(kmsStatements.map((s) => s.Resource)).toEqual([keyArn]);
  });

  it('maps a missing secret to NOT_FOUND', async () => {
    await expect(policyForSecrets(clients(), ['app/prod/nope'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('diagnoseSecretAccess against the emulator (happy path)', () => {
  useEmulator();

  it('finds a readable secret with an enabled customer-managed key', async () => {
    await createKey('alias/app-prod');
    await smClient().send(
      new CreateSecretCommand({
        Name: 'app/prod/db',
        SecretString: 'do-not-print',
        KmsKeyId: 'alias/app-prod',
      }),
    );
    const findings = await diagnoseSecretAccess(
      { secretsClient: smClient(), kmsClient: kmsClient() },
      'app/prod/db',
    );
    expect(findings.map((f) => [f.check, f.status])).toEqual([
      ['describe-secret', 'ok'],
      ['secret-state', 'ok'],
      ['encryption-key', 'ok'],
      ['key-state', 'ok'],
      ['read-value', 'ok'],
    ]);
    expect(JSON.stringify(findings)).not.toContain('do-not-print');
  });

  it('finds a missing secret', async () => {
    const findings = await diagnoseSecretAccess(
      { secretsClient: smClient(), kmsClient: kmsClient() },
      'app/prod/nope',
    );
    expect(findings.map((f) => [f.check, f.status])).toEqual([
      ['describe-secret', 'problem'],
      ['read-value', 'problem'],
    ]);
  });
});
