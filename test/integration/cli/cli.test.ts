import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CreateAliasCommand, CreateKeyCommand } from '@aws-sdk/client-kms';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { kmsClient, motoEndpoint, smClient, TEST_ACCOUNT, useEmulator } from '../../support/aws.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const MAIN = resolve(ROOT, 'src/cli/main.ts');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a child process against the emulator. */
function cli(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      TSX,
      [MAIN, ...args],
      {
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: process.env['HOME'] ?? '/tmp',
          AWS_ENDPOINT_URL: motoEndpoint(),
          AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_REGION: 'us-east-1',
          AWS_MAX_ATTEMPTS: '1',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          ...env,
        },
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
  });
}

async function secretWithKey(name: string): Promise<{ arn: string; keyArn: string }> {
  const key = await kmsClient().send(new CreateKeyCommand({}));
  const keyArn = key.KeyMetadata?.Arn ?? '';
  await kmsClient().send(new CreateAliasCommand({ AliasName: 'alias/cli-test', TargetKeyId: keyArn }));
  const created = await smClient().send(
    new CreateSecretCommand({ Name: name, SecretString: 'never-printed', KmsKeyId: 'alias/cli-test' }),
  );
  return { arn: created.ARN ?? '', keyArn };
}

describe('secretkit CLI (child process against the emulator)', () => {
  useEmulator();

  it('--help exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: secretkit <command>/);
  });

  it('a usage error exits 2', async () => {
    const run = await cli(['policy']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give at least one secret/);
  });

  it('policy --json prints the reader policy from live data', async () => {
    const { arn, keyArn } = await secretWithKey('cli/prod/db');
    const run = await cli(['policy', 'cli/prod/db', '--json']);
    expect(run.code).toBe(0);
    const policy = JSON.parse(run.stdout);
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Resource: arn,
      },
      { Effect: 'Allow', Action: 'secretsmanager:BatchGetSecretValue', Resource: '*' },
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: keyArn,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
      },
    ]);
    expect(arn).toContain(`:${TEST_ACCOUNT}:secret:cli/prod/db-`);
  });

  it('policy for a missing secret exits 3 with a JSON error', async () => {
    const run = await cli(['policy', 'cli/prod/none', '--json']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('doctor on a healthy secret exits 0 and never prints the value', async () => {
    await secretWithKey('cli/prod/db');
    const run = await cli(['doctor', 'cli/prod/db']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No problem found/);
    expect(run.stdout).toMatch(/key-state: Key ".*" is enabled/);
    expect(run.stdout + run.stderr).not.toContain('never-printed');
  });

  it('doctor --json on a missing secret exits 1 with findings', async () => {
    const run = await cli(['doctor', 'cli/prod/none', '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ secretId: 'cli/prod/none', ok: false });
    expect(report.findings[0]).toMatchObject({ check: 'describe-secret', status: 'problem' });
  });

  it('exits 3 when AWS cannot be reached', async () => {
    const run = await cli(['doctor', 'cli/prod/db'], { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(3);
  });

  it('doctor without credentials says the checks could not run and exits 4', async () => {
    await secretWithKey('cli/prod/db');
    const run = await cli(['doctor', 'cli/prod/db'], { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' });
    expect(run.stdout).toMatch(
      /\[\? +\] describe-secret: DescribeSecret failed with CredentialsProviderError/,
    );
    expect(run.stdout).not.toMatch(/^No problem found\.$/m);
    expect(run.stdout).toMatch(/this is not a pass/);
    expect(run.code).toBe(4);
  });

  it('--version prints the version; <command> --help prints that command', async () => {
    const version = await cli(['--version']);
    const { version: expected } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
    expect(version).toMatchObject({ code: 0, stdout: `secretkit ${expected}\n` });
    const help = await cli(['doctor', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: secretkit doctor <id> \[options\]/);
    expect(help.stdout).toContain('--no-read');
  });

  it('a bad option is reported in our words, on one line, with exit 2', async () => {
    const run = await cli(['policy', 'x', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'secretkit: unknown option --bogus for "secretkit policy"\nRun `secretkit policy --help` for usage.\n',
    );
  });

  it('prints no AWS SDK Node version warning (the CLI is our program)', async () => {
    const run = await cli(['policy', 'cli/prod/none']);
    expect(run.code).toBe(3);
    expect(run.stderr).not.toMatch(/NodeVersionSupportWarning|a\.co\//);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
