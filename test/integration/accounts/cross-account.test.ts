import { inspect } from 'node:util';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
} from '@aws-sdk/client-iam';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CrossAccountSources } from '../../../src/accounts/index.js';
import { defineSecrets, isSecretkitError, type LoadFailure, secret } from '../../../src/index.js';
import {
  emulatorConfig,
  iamClient,
  motoEndpoint,
  stsClient,
  TEST_REGION,
  useEmulator,
  useSecretsAdmin,
  useSecretsClient,
} from '../../support/aws.js';

const OTHER = '111111111111';
const ROLE = `arn:aws:iam::${OTHER}:role/app-reader`;

const made: CrossAccountSources[] = [];
afterEach(() => {
  for (const c of made.splice(0)) c.close();
});
function roles(extra: ConstructorParameters<typeof CrossAccountSources>[0] = {}): CrossAccountSources {
  const r = new CrossAccountSources({
    clientConfig: emulatorConfig(),
    stsConfig: emulatorConfig(),
    ...extra,
  });
  made.push(r);
  return r;
}

/** Creates a secret in the other account, with that account's assumed-role credentials. */
async function createInOtherAccount(name: string, value: string): Promise<void> {
  const out = await stsClient().send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'setup' }));
  const c = out.Credentials;
  const sm = new SecretsManagerClient({
    ...emulatorConfig(),
    credentials: {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    },
  });
  await sm.send(new CreateSecretCommand({ Name: name, SecretString: value }));
  sm.destroy();
}

async function setAuth(count: string): Promise<void> {
  const res = await fetch(`${motoEndpoint()}/moto-api/reset-auth`, { method: 'POST', body: count });
  expect(res.ok).toBe(true);
}

describe('secrets in another account through STS AssumeRole (moto)', () => {
  useEmulator();
  const makeSecrets = useSecretsClient();
  const makeAdmin = useSecretsAdmin();
  afterEach(async () => {
    await setAuth('inf');
  });

  it('reads the other account with the role: one AssumeRole, one batch, the caller sees its own secrets', async () => {
    const secrets = makeSecrets();
    await makeAdmin([secrets]).createSecret({ name: 'shared/db', value: { json: { host: 'mine' } } });
    await createInOtherAccount('shared/db', JSON.stringify({ host: 'theirs' }));
    await createInOtherAccount('shared/key', 'k2');
    const r = roles();
    const Db = z.object({ host: z.string() });
    const loaded = await defineSecrets({
      mine: secret.json('shared/db', Db),
      theirs: secret.json('shared/db', Db, { roleArn: ROLE }),
      key: secret.string('shared/key', { roleArn: ROLE }),
    }).load({ secrets, roles: r });
    expect(loaded).toEqual({ mine: { host: 'mine' }, theirs: { host: 'theirs' }, key: 'k2' });
    expect(r.stats().assumeRoleCalls).toEqual({ [ROLE]: 1 });
    expect(r.stats().byRole[ROLE]?.apiCalls.byOperation).toEqual({ BatchGetSecretValue: 1 });
    expect(inspect(r)).not.toMatch(/sessionToken|secretAccessKey/i);
  });

  it('a secret ARN in a mapped account goes to that account role', async () => {
    await createInOtherAccount('by/arn', 'v');
    const r = roles({ accounts: { [OTHER]: ROLE } });
    const arn = `arn:aws:secretsmanager:${TEST_REGION}:${OTHER}:secret:by/arn`;
    const loaded = await defineSecrets({ v: secret.string(arn) }).load({ secrets: makeSecrets(), roles: r });
    expect(loaded.v).toBe('v');
    expect(r.stats().assumeRoleCalls[ROLE]).toBe(1);
  });

  it('refreshes the credentials before they expire (fake clock), once for many reads', async () => {
    await createInOtherAccount('r/one', '1');
    let now = Date.now();
    const r = roles({
      clock: { now: () => now },
      durationSeconds: 900,
      refreshBeforeMs: 60_000,
      ttlMs: 1_000,
    });
    const client = r.forRole(ROLE);
    await Promise.all([client.getString('r/one'), client.getString('r/one')]);
    expect(r.stats().assumeRoleCalls[ROLE]).toBe(1);
    now += 850_000; // within 60 s of the 900 s expiry
    await client.getString('r/one', { forceRefresh: true });
    expect(r.stats().assumeRoleCalls[ROLE]).toBe(2);
    now += 1_000;
    await client.getString('r/one', { forceRefresh: true });
    expect(r.stats().assumeRoleCalls[ROLE]).toBe(2);
  });

  it('a denied AssumeRole is ACCESS_DENIED naming the role, in every read and in LOAD_FAILED', async () => {
    // A user allowed to read secrets but not to assume roles; then moto checks every call.
    const iam = iamClient();
    await iam.send(new CreateUserCommand({ UserName: 'app' }));
    const policy = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'sm-only',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' }],
        }),
      }),
    );
    await iam.send(new AttachUserPolicyCommand({ UserName: 'app', PolicyArn: policy.Policy?.Arn ?? '' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'app' }));
    const credentials = {
      accessKeyId: key.AccessKey?.AccessKeyId ?? '',
      secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
    };
    await setAuth('0');
    const sts = new STSClient({ ...emulatorConfig(), credentials });
    const r = roles({ stsConfig: undefined, stsClient: sts });
    const error = await r
      .forRole(ROLE)
      .getString('anything')
      .catch((e: unknown) => e);
    expect(isSecretkitError(error, 'ACCESS_DENIED')).toBe(true);
    expect((error as Error).message).toContain(ROLE);
    const load = await defineSecrets({ x: secret.string('x', { roleArn: ROLE }) })
      .load({ roles: r })
      .catch((e: unknown) => e);
    const failures = (load as { details: { failures: LoadFailure[] } }).details.failures;
    expect(failures.map((f) => f.code)).toEqual(['ACCESS_DENIED']);
    expect(failures[0]?.message).toContain(ROLE);
    sts.destroy();
  });

  it('validates role ARNs and options', () => {
    const r = roles();
    expect(() => r.forRole('arn:aws:iam::1:role/x')).toThrow(/not an IAM role ARN/);
    expect(() => new CrossAccountSources({ stsClent: {} } as never)).toThrow(/stsClent/);
    expect(() => new CrossAccountSources({ accounts: { '222222222222': ROLE } })).toThrow(/another account/);
  });
});
