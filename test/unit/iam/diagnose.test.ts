import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { diagnoseSecretAccess } from '../../../src/iam/diagnose.js';
import { hasProblems } from '../../../src/iam/findings.js';

const sm = mockClient(SecretsManagerClient);
const kms = mockClient(KMSClient);
const ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:app/prod/db-AbC123';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const VALUE = 'hunter2-super-secret-value';

/** An AWS service exception shaped as the SDK builds it. */
function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
}

const clients = () => ({
  secretsClient: new SecretsManagerClient({ region: 'us-east-1' }),
  kmsClient: new KMSClient({ region: 'us-east-1' }),
});

function byCheck(findings: Awaited<ReturnType<typeof diagnoseSecretAccess>>) {
  return Object.fromEntries(findings.map((f) => [f.check, f]));
}

beforeEach(() => {
  sm.reset();
  kms.reset();
  sm.on(DescribeSecretCommand).resolves({ ARN, Name: 'app/prod/db', KmsKeyId: KEY_ARN });
  sm.on(GetSecretValueCommand).resolves({ ARN, SecretString: VALUE });
  kms.on(DescribeKeyCommand).resolves({
    KeyMetadata: { KeyId: 'k', Arn: KEY_ARN, KeyState: 'Enabled', KeyManager: 'CUSTOMER', Enabled: true },
  });
});

describe('diagnoseSecretAccess', () => {
  it('reports everything ok and never includes the value', async () => {
    const findings = await diagnoseSecretAccess(clients(), 'app/prod/db');
    expect(findings.map((f) => [f.check, f.status])).toEqual([
      ['describe-secret', 'ok'],
      ['secret-state', 'ok'],
      ['encryption-key', 'ok'],
      ['key-state', 'ok'],
      ['read-value', 'ok'],
    ]);
    expect(JSON.stringify(findings)).not.toContain(VALUE);
    expect(hasProblems(findings)).toBe(false);
  });

  it('skips the read probe on request', async () => {
    const findings = await diagnoseSecretAccess(clients(), 'app/prod/db', { tryRead: false });
    expect(findings.map((f) => f.check)).not.toContain('read-value');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('says no KMS permission is needed for the AWS managed key', async () => {
    sm.on(DescribeSecretCommand).resolves({ ARN, Name: 'app/prod/db' });
    const f = byCheck(await diagnoseSecretAccess(clients(), 'app/prod/db'));
    expect(f['encryption-key']?.message).toMatch(/aws\/secretsmanager/);
    expect(f['key-state']).toBeUndefined();
    expect(kms.commandCalls(DescribeKeyCommand)).toHaveLength(0);
  });

  it('finds a disabled key', async () => {
    kms.on(DescribeKeyCommand).resolves({
      KeyMetadata: { KeyId: 'k', Arn: KEY_ARN, KeyState: 'Disabled', KeyManager: 'CUSTOMER', Enabled: false },
    });
    sm.on(GetSecretValueCommand).rejects(
      awsError(
        'DecryptionFailure',
        'Secrets Manager can’t decrypt the protected secret text using the provided KMS key.',
      ),
    );
    const findings = await diagnoseSecretAccess(clients(), 'app/prod/db');
    const f = byCheck(findings);
    expect(f['key-state']).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/disabled.*EnableKey/),
    });
    expect(f['read-value']).toMatchObject({
      status: 'problem',
      message: expect.stringContaining('kms:ViaService = secretsmanager.us-east-1.amazonaws.com'),
    });
    expect(hasProblems(findings)).toBe(true);
  });

  it('finds a key pending deletion, with the date', async () => {
    kms.on(DescribeKeyCommand).resolves({
      KeyMetadata: {
        KeyId: 'k',
        Arn: KEY_ARN,
        KeyState: 'PendingDeletion',
        KeyManager: 'CUSTOMER',
        DeletionDate: new Date('2030-01-02T03:04:05Z'),
      },
    });
    const f = byCheck(await diagnoseSecretAccess(clients(), 'app/prod/db', { tryRead: false }));
    expect(f['key-state']).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/scheduled for deletion on 2030-01-02T03:04:05.000Z.*CancelKeyDeletion/),
    });
  });

  it('finds a missing key', async () => {
    kms.on(DescribeKeyCommand).rejects(awsError('NotFoundException', 'Key not found', 400));
    const f = byCheck(await diagnoseSecretAccess(clients(), 'app/prod/db', { tryRead: false }));
    expect(f['key-state']).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/does not exist/),
    });
  });

  it('cannot tell the key state when DescribeKey is denied', async () => {
    kms
      .on(DescribeKeyCommand)
      .rejects(
        awsError(
          'AccessDeniedException',
          'User: arn:aws:sts::111122223333:assumed-role/app/x is not authorized to perform: kms:DescribeKey',
          400,
        ),
      );
    const f = byCheck(await diagnoseSecretAccess(clients(), 'app/prod/db', { tryRead: false }));
    expect(f['key-state']).toMatchObject({
      status: 'unknown',
      message: expect.stringMatching(/not allowed to describe key/),
    });
  });

  it('cannot tell the key state without a KMS client', async () => {
    const f = byCheck(
      await diagnoseSecretAccess(
        { secretsClient: new SecretsManagerClient({ region: 'us-east-1' }) },
        'app/prod/db',
        {
          tryRead: false,
        },
      ),
    );
    expect(f['key-state']?.status).toBe('unknown');
  });

  it('explains a KMS denial on read (AccessDeniedException "Access to KMS is not allowed")', async () => {
    sm.on(GetSecretValueCommand).rejects(awsError('AccessDeniedException', 'Access to KMS is not allowed'));
    const f = byCheck(await diagnoseSecretAccess(clients(), 'app/prod/db'));
    expect(f['read-value']).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/KMS refused to decrypt.*kms:Decrypt on key ".*1234abcd/),
    });
  });

  it('explains a Secrets Manager denial on read', async () => {
    sm.on(GetSecretValueCommand).rejects(
      awsError(
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/app/x is not authorized to perform: secretsmanager:GetSecretValue',
      ),
    );
    const f = byCheck(await diagnoseSecretAccess(clients(), 'app/prod/db'));
    expect(f['read-value']).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/not allowed to read the secret/),
    });
  });

  it('reports a DescribeSecret denial and still probes the read', async () => {
    sm.on(DescribeSecretCommand).rejects(
      awsError('AccessDeniedException', 'not authorized to perform: secretsmanager:DescribeSecret'),
    );
    const findings = await diagnoseSecretAccess(clients(), ARN);
    expect(findings.map((f) => [f.check, f.status])).toEqual([
      ['describe-secret', 'problem'],
      ['read-value', 'ok'],
    ]);
  });

  it('treats a bare 403 (as moto sends) as a denial', async () => {
    sm.on(DescribeSecretCommand).rejects(
      Object.assign(new SyntaxError('Unexpected token <'), { $metadata: { httpStatusCode: 403 } }),
    );
    const f = byCheck(await diagnoseSecretAccess(clients(), 'app/prod/db', { tryRead: false }));
    expect(f['describe-secret']).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/not allowed to describe/),
    });
  });

  it('reports a secret that does not exist', async () => {
    sm.on(DescribeSecretCommand).rejects(
      awsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
    );
    sm.on(GetSecretValueCommand).rejects(
      awsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
    );
    const findings = await diagnoseSecretAccess(clients(), 'app/prod/nope');
    expect(findings.map((f) => [f.check, f.status])).toEqual([
      ['describe-secret', 'problem'],
      ['read-value', 'problem'],
    ]);
  });

  it('reports a secret scheduled for deletion', async () => {
    sm.on(DescribeSecretCommand).resolves({
      ARN,
      Name: 'app/prod/db',
      DeletedDate: new Date('2030-01-01T00:00:00Z'),
    });
    sm.on(GetSecretValueCommand).rejects(
      awsError(
        'InvalidRequestException',
        'You can’t perform this operation on the secret because it was marked for deletion.',
      ),
    );
    const f = byCheck(await diagnoseSecretAccess(clients(), 'app/prod/db'));
    expect(f['secret-state']).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/RestoreSecret/),
    });
    expect(f['read-value']?.status).toBe('problem');
  });

  it('throws when AWS cannot be reached (nothing to diagnose)', async () => {
    sm.on(DescribeSecretCommand).rejects(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    );
    const caught = await diagnoseSecretAccess(clients(), 'app/prod/db').catch((e: unknown) => e);
    expect(isSecretkitError(caught, 'REGION_UNAVAILABLE')).toBe(true);
  });

  it('uses the per-region KMS client function with the secret region', async () => {
    const regions: string[] = [];
    const kmsClient = (region: string) => {
      regions.push(region);
      return new KMSClient({ region });
    };
    await diagnoseSecretAccess(
      { secretsClient: new SecretsManagerClient({ region: 'us-east-1' }), kmsClient },
      'app/prod/db',
    );
    expect(regions).toEqual(['us-east-1']);
  });
});
