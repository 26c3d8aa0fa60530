/**
 * The live-account path of checkRotation's IAM part: IAM SimulatePrincipalPolicy behind
 * aws-sdk-client-mock, because moto 5.2.1 does not implement it (listed in docs/testing.md).
 * Denials become IAM_ACTION_DENIED / KMS_ACTION_DENIED; a simulation that cannot run is
 * IAM_UNCHECKED, never a pass.
 */
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { simulateRotationRoleLive } from '../../../src/rotation/check/iam-live.js';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db/app-AbCdEf';
const MASTER = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db/master-GhIjKl';
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE = { roleArn: 'arn:aws:iam::123456789012:role/rotation' };

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

/** Answers like IAM: every action allowed except `denied` (action -> decision). */
function answer(denied: Record<string, 'implicitDeny' | 'explicitDeny'> = {}) {
  iam.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[] }) => ({
    EvaluationResults: input.ActionNames.map((a) => ({
      EvalActionName: a,
      EvalDecision: denied[a] ?? 'allowed',
    })),
  }));
}

describe('simulateRotationRoleLive', () => {
  it('everything allowed: no finding, each action passed; one simulation per resource', async () => {
    answer();
    const result = await simulateRotationRoleLive(
      { secretArn: SECRET, kmsKeyId: KEY, masterArn: MASTER },
      ROLE,
      new IAMClient({ region: 'eu-west-1' }),
    );
    expect(result.findings).toEqual([]);
    expect(result.passed).toEqual([
      'iam secretsmanager:DescribeSecret',
      'iam secretsmanager:GetSecretValue',
      'iam secretsmanager:PutSecretValue',
      'iam secretsmanager:UpdateSecretVersionStage',
      'iam secretsmanager:GetRandomPassword',
      'iam secretsmanager:GetSecretValue (master secret)',
      'iam kms:Decrypt',
      'iam kms:GenerateDataKey',
    ]);
    const inputs = iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input);
    expect(inputs.map((i) => i.ResourceArns)).toEqual([[SECRET], ['*'], [MASTER], [KEY]]);
    expect(inputs.every((i) => i.PolicySourceArn === ROLE.roleArn)).toBe(true);
    expect(inputs[3]?.ContextEntries).toEqual(
      expect.arrayContaining([
        {
          ContextKeyName: 'kms:ViaService',
          ContextKeyValues: ['secretsmanager.eu-west-1.amazonaws.com'],
          ContextKeyType: 'string',
        },
        {
          ContextKeyName: 'kms:EncryptionContext:SecretARN',
          ContextKeyValues: [SECRET],
          ContextKeyType: 'string',
        },
      ]),
    );
  });

  it('a denied Secrets Manager action is IAM_ACTION_DENIED, a denied key action KMS_ACTION_DENIED', async () => {
    answer({ 'secretsmanager:PutSecretValue': 'explicitDeny', 'kms:GenerateDataKey': 'implicitDeny' });
    const result = await simulateRotationRoleLive(
      { secretArn: SECRET, kmsKeyId: KEY, masterArn: undefined },
      ROLE,
      new IAMClient({ region: 'eu-west-1' }),
    );
    expect(
      result.findings.map((f) => [f.code, f.severity, f.details?.['action'], f.details?.['decision']]),
    ).toEqual([
      ['IAM_ACTION_DENIED', 'problem', 'secretsmanager:PutSecretValue', 'ExplicitlyDenied'],
      ['KMS_ACTION_DENIED', 'problem', 'kms:GenerateDataKey', 'ImplicitlyDenied'],
    ]);
    expect(result.findings[1]?.message).toContain('without the key policy');
    expect(result.passed).not.toContain('iam secretsmanager:PutSecretValue');
  });

  it('the secret and key policies given are sent as the simulation resource policy', async () => {
    answer();
    const secretPolicy = { Version: '2012-10-17' as const, Statement: [] };
    await simulateRotationRoleLive(
      { secretArn: SECRET, kmsKeyId: KEY, masterArn: undefined },
      { ...ROLE, secretPolicy, keyPolicy: secretPolicy },
      new IAMClient({ region: 'eu-west-1' }),
    );
    const inputs = iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input);
    expect(inputs.map((i) => i.ResourcePolicy)).toEqual([
      JSON.stringify(secretPolicy),
      undefined,
      JSON.stringify(secretPolicy),
    ]);
  });

  it('no permission to simulate: IAM_UNCHECKED saying why, never a pass', async () => {
    iam.on(SimulatePrincipalPolicyCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: iam:SimulatePrincipalPolicy'), {
        name: 'AccessDenied',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const result = await simulateRotationRoleLive(
      { secretArn: SECRET, kmsKeyId: undefined, masterArn: undefined },
      ROLE,
      new IAMClient({ region: 'eu-west-1' }),
    );
    expect(result.passed).toEqual([]);
    expect(result.findings.map((f) => [f.code, f.severity, f.details?.['code']])).toEqual([
      ['IAM_UNCHECKED', 'unchecked', 'ACCESS_DENIED'],
      ['IAM_UNCHECKED', 'unchecked', 'ACCESS_DENIED'],
    ]);
    expect(result.findings[0]?.message).toContain('SimulatePrincipalPolicy failed');
    expect(result.findings[0]?.action).toContain('iam:SimulatePrincipalPolicy');
  });

  it('an answer without a decision for an action is IAM_UNCHECKED', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [] });
    const result = await simulateRotationRoleLive(
      { secretArn: SECRET, kmsKeyId: undefined, masterArn: undefined },
      ROLE,
      new IAMClient({ region: 'eu-west-1' }),
    );
    expect(result.passed).toEqual([]);
    expect(new Set(result.findings.map((f) => f.code))).toEqual(new Set(['IAM_UNCHECKED']));
    expect(result.findings).toHaveLength(5);
  });
});
