/**
 * checkRotation with the rotation role given by ARN only (the live-account path), on moto and a
 * real PostgreSQL. moto 5.2.1 does not implement IAM SimulatePrincipalPolicy: against it the
 * check reports IAM_UNCHECKED (the simulation could not run), never a pass; the denial itself is
 * produced by aws-sdk-client-mock on the IAM client (listed in docs/testing.md). Each test proves
 * nothing changed: password hashes on the server and versions and labels on the emulator.
 */
import { randomUUID } from 'node:crypto';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CheckRotationOptions, checkRotation } from '../../../src/rotation/index.js';
import { postgresSingleUser } from '../../../src/rotation/postgres/index.js';
import { iamClient, smClient, useEmulator } from '../../support/aws.js';
import { type DatabaseAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { usePostgres } from '../../support/databases/index.js';
import { emulatorSnapshot } from '../../support/databases/preflight-suite.js';
import { uniqueUser } from '../../support/databases/rotation-suite.js';

const server = usePostgres();
let admin: DatabaseAdmin | undefined;
beforeAll(async () => {
  admin = await postgresAdmin(server());
});
const ROLE_ARN = 'arn:aws:iam::123456789012:role/rotation';
const hashes = async () =>
  JSON.stringify(await admin!.query('SELECT rolname, rolpassword FROM pg_authid ORDER BY rolname'));

describe('checkRotation: the rotation role simulated on the live account', () => {
  useEmulator();

  async function secret(): Promise<string> {
    const user = uniqueUser('live');
    const password = `initial-${randomUUID()}`;
    await admin!.createAppUser(user, password);
    const s = server();
    const out = await smClient().send(
      new CreateSecretCommand({
        Name: `db/${user}`,
        SecretString: JSON.stringify({
          engine: 'postgres',
          host: s.host,
          port: s.port,
          username: user,
          password,
          dbname: 'postgres',
        }),
      }),
    );
    return out.ARN as string;
  }

  async function check(id: string, options: CheckRotationOptions) {
    const before = [await hashes(), await emulatorSnapshot()];
    const result = await checkRotation(smClient(), id, postgresSingleUser({ tls: 'disable' }), {
      requireRotationEnabled: false,
      ...options,
    });
    expect([await hashes(), await emulatorSnapshot()]).toEqual(before);
    return result;
  }

  it('IAM_ACTION_DENIED: IAM says the role may not PutSecretValue (IAM answer mocked)', async () => {
    const id = await secret();
    const client = new IAMClient({ region: 'us-east-1' });
    const iam = mockClient(client);
    iam.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[] }) => ({
      EvaluationResults: input.ActionNames.map((a) => ({
        EvalActionName: a,
        EvalDecision: a === 'secretsmanager:PutSecretValue' ? 'implicitDeny' : 'allowed',
      })),
    }));
    const result = await check(id, { role: { roleArn: ROLE_ARN }, iamClient: client });
    expect(result.findings.map((f) => [f.code, f.details?.['action']])).toEqual([
      ['IAM_ACTION_DENIED', 'secretsmanager:PutSecretValue'],
    ]);
    expect(result.passed).toEqual(
      expect.arrayContaining(['current-login', 'iam secretsmanager:UpdateSecretVersionStage']),
    );
    // The simulation was asked about the secret's real ARN, as DescribeSecret gave it.
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input.ResourceArns).toEqual([id]);
    iam.restore();
  });

  it('IAM_UNCHECKED: the emulator cannot simulate, so the role is reported as not checked', async () => {
    const id = await secret();
    const result = await check(id, { role: { roleArn: ROLE_ARN }, iamClient: iamClient() });
    expect(result.ok).toBe(false);
    expect(result.passed.filter((p) => p.startsWith('iam '))).toEqual([]);
    const iamFindings = result.findings.filter((f) => f.code === 'IAM_UNCHECKED');
    expect(iamFindings.length).toBeGreaterThan(0);
    expect(iamFindings.every((f) => f.severity === 'unchecked')).toBe(true);
    expect(iamFindings[0]?.message).toContain('SimulatePrincipalPolicy failed');
    expect(result.findings.filter((f) => f.code !== 'IAM_UNCHECKED')).toEqual([]);
  });

  it('INVALID_ARGUMENT: a role without roleArn', async () => {
    const id = await secret();
    await expect(
      checkRotation(smClient(), id, postgresSingleUser({ tls: 'disable' }), {
        role: { roleArn: '' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'role.roleArn' } });
  });
});
