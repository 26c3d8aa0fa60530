/**
 * `secretkit rotation check` in-process against moto and a real PostgreSQL: output, --json and
 * exit codes.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../src/cli/exit-codes.js';
import { runCli } from '../../../src/cli/run.js';
import { rotationFunctionPolicy } from '../../../src/iam/index.js';
import { kmsClient, smClient, useEmulator } from '../../support/aws.js';
import { type DatabaseAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { usePostgres } from '../../support/databases/index.js';
import { uniqueUser } from '../../support/databases/rotation-suite.js';

const server = usePostgres();
let admin: DatabaseAdmin | undefined;
beforeAll(async () => {
  admin = await postgresAdmin(server());
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}
const clients = () => ({ secretsClient: smClient(), kmsClient: () => kmsClient() });

describe('secretkit rotation check', () => {
  useEmulator();

  async function secret(password: string, realPassword = password): Promise<string> {
    const user = uniqueUser('cli');
    await admin!.createAppUser(user, realPassword);
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

  it('exit 0 and "No problem found." for a healthy secret with the role policies given', async () => {
    const id = await secret(`p-${randomUUID()}`);
    const file = join(tmpdir(), `role-${randomUUID()}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        roleArn: 'arn:aws:iam::123456789012:role/rot',
        identityPolicies: [rotationFunctionPolicy({ secret: id })],
      }),
    );
    const c = capture();
    const code = await runCli(
      ['rotation', 'check', id, '--tls', 'disable', '--not-enabled-ok', '--role-policies', file],
      c.io,
      clients,
    );
    expect(c.out.at(-1)).toBe('No problem found.');
    expect(code).toBe(EXIT.ok);
  });

  it('exit 1 with the finding, what to do, and no password, when AWSCURRENT does not log in', async () => {
    const wrong = `wrong-${randomUUID()}`;
    const id = await secret(wrong, `real-${randomUUID()}`);
    const c = capture();
    const code = await runCli(['rotation', 'check', id, '--tls', 'disable'], c.io, clients);
    expect(code).toBe(EXIT.problems);
    const text = c.out.join('\n');
    expect(text).toContain('CURRENT_LOGIN_FAILED');
    expect(text).toContain('ROTATION_NOT_CONFIGURED');
    expect(text).toContain('what to do:');
    expect(text).not.toContain(wrong);
  });

  it('exit 4 when a check could not be made (no role policies), and --json is parseable', async () => {
    const id = await secret(`p-${randomUUID()}`);
    const c = capture();
    const code = await runCli(
      ['rotation', 'check', id, '--tls', 'disable', '--not-enabled-ok', '--json'],
      c.io,
      clients,
    );
    expect(code).toBe(EXIT.unchecked);
    const json = JSON.parse(c.out.join('\n')) as {
      ok: boolean;
      strategy: string;
      findings: { code: string; severity: string }[];
    };
    expect(json.ok).toBe(false);
    expect(json.strategy).toBe('postgres-single-user');
    expect(json.findings).toEqual([
      expect.objectContaining({ code: 'IAM_UNCHECKED', severity: 'unchecked' }),
    ]);
  });

  it('exit 2 on usage errors, 3 on a missing secret', async () => {
    expect(await runCli(['rotation', 'check'], capture().io, clients)).toBe(EXIT.usage);
    expect(await runCli(['rotation', 'check', 'x', '--strategy', 'oracle'], capture().io, clients)).toBe(
      EXIT.usage,
    );
    expect(await runCli(['rotation', 'check', 'does-not-exist'], capture().io, clients)).toBe(EXIT.aws);
  });
});
