import {
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run.js';
import { emulatorConfig, smClient, useEmulator } from '../../support/aws.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}
const clients = (region: string | undefined) => ({
  secretsClient: new SecretsManagerClient(emulatorConfig(region ?? 'us-east-1')),
  kmsClient: () => {
    throw new Error('not used');
  },
});

describe('secretkit cost on the emulator', () => {
  useEmulator();

  it('counts secrets and replicas, prices them, and flags idle ones', async () => {
    await smClient().send(
      new CreateSecretCommand({
        Name: 'app/db',
        SecretString: 'x',
        AddReplicaRegions: [{ Region: 'us-west-2' }],
      }),
    );
    await smClient().send(new CreateSecretCommand({ Name: 'app/unused', SecretString: 'y' }));
    await smClient().send(new CreateSecretCommand({ Name: 'other/z', SecretString: 'z' }));
    await smClient().send(new GetSecretValueCommand({ SecretId: 'app/db' }));
    const c = capture();
    const code = await runCli(['cost', '--json', '--prefix', 'app/'], c.io, clients as never);
    expect(code).toBe(0);
    const report = JSON.parse(c.out.join('\n'));
    expect(report).toMatchObject({ secrets: 2, replicas: 1, monthlyStorageUsd: 1.2, callsMade: 3 });
    expect(report.idle.names).toContain('app/unused');
    expect(JSON.stringify(report)).not.toMatch(/"x"|"y"/);
    // Text output, through the CLI's registration.
    const t = capture();
    expect(await runCli(['cost', '--no-replicas'], t.io, clients as never)).toBe(0);
    expect(t.out[0]).toMatch(/^3 secrets, 0 replicas: \$1\.20\/month/);
    expect(await runCli(['cost', '--idle-days', 'zero'], capture().io, clients as never)).toBe(2);
  });
});
