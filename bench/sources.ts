/**
 * Mixed-load benchmark (issue #15): a start-up that needs 45 secrets and 25 SecureString
 * parameters. secretkit's `defineSecrets(...).load({ secrets, parameters })` against Powertools
 * doing the same load the way its docs show (`getParametersByName` for the parameters, one
 * `getSecret` per secret). Both talk to real SDK clients answered in-process after 5 ms
 * (bench/lib/fake-secrets-manager.ts, bench/lib/fake-ssm.ts). Call counts are exact; times are
 * medians of a few runs on a shared machine, so read them as orders of magnitude.
 */
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { z } from 'zod';
import { type AnySpec, defineSecrets, SecretsClient, secret } from '../src/index.js';
import { ParametersClient } from '../src/ssm/index.js';
import { FakeSecretsManager } from './lib/fake-secrets-manager.js';
import { FakeSsm } from './lib/fake-ssm.js';
import { fixed, int, median, table, timed } from './lib/measure.js';

const SECRETS = 45;
const PARAMETERS = 25;
const RUNS = 5;

function fakes(): { sm: FakeSecretsManager; ssm: FakeSsm } {
  const sm = new FakeSecretsManager({ delayMs: 5 });
  const ssm = new FakeSsm(5);
  for (let i = 0; i < SECRETS; i++) sm.put(`app/s${i}`, JSON.stringify({ n: i }));
  for (let i = 0; i < PARAMETERS; i++) ssm.put(`/app/p${i}`, `value-${i}`);
  return { sm, ssm };
}

interface Row {
  readonly who: string;
  readonly calls: Record<string, number>;
  readonly ms: number;
}

async function secretkit(): Promise<Row> {
  const times: number[] = [];
  let calls: Record<string, number> = {};
  const Schema = z.object({ n: z.number() });
  const specs: Record<string, AnySpec> = {};
  for (let i = 0; i < SECRETS; i++) specs[`s${i}`] = secret.json(`app/s${i}`, Schema);
  for (let i = 0; i < PARAMETERS; i++) specs[`p${i}`] = secret.param(`/app/p${i}`);
  const definition = defineSecrets(specs);
  for (let run = 0; run < RUNS; run++) {
    const { sm, ssm } = fakes();
    const secrets = new SecretsClient({ client: sm.client() });
    const parameters = new ParametersClient({ client: ssm.client() });
    const { ms } = await timed(() => definition.load({ secrets, parameters }));
    times.push(ms);
    calls = {
      BatchGetSecretValue: sm.calls.BatchGetSecretValue,
      GetSecretValue: sm.calls.GetSecretValue,
      GetParameters: ssm.calls['GetParameters'] ?? 0,
      GetParameter: ssm.calls['GetParameter'] ?? 0,
    };
    secrets.close();
    parameters.close();
  }
  return { who: 'secretkit defineSecrets(...).load({ secrets, parameters })', calls, ms: median(times) };
}

async function powertools(): Promise<Row> {
  const times: number[] = [];
  let calls: Record<string, number> = {};
  for (let run = 0; run < RUNS; run++) {
    const { sm, ssm } = fakes();
    const secretsProvider = new SecretsProvider({ awsSdkV3Client: sm.client() });
    const ssmProvider = new SSMProvider({ awsSdkV3Client: ssm.client() });
    const byName: Record<string, { decrypt: boolean }> = {};
    for (let i = 0; i < PARAMETERS; i++) byName[`/app/p${i}`] = { decrypt: true };
    const { ms } = await timed(() =>
      Promise.all([
        ssmProvider.getParametersByName(byName, { decrypt: true }),
        ...Array.from({ length: SECRETS }, (_, i) => secretsProvider.get(`app/s${i}`, { transform: 'json' })),
      ]),
    );
    times.push(ms);
    calls = {
      BatchGetSecretValue: sm.calls.BatchGetSecretValue,
      GetSecretValue: sm.calls.GetSecretValue,
      GetParameters: ssm.calls['GetParameters'] ?? 0,
      GetParameter: ssm.calls['GetParameter'] ?? 0,
    };
  }
  return { who: 'Powertools getParametersByName + one getSecret per secret', calls, ms: median(times) };
}

/** Runs the section; returns markdown. */
export async function runSourcesBench(): Promise<string> {
  const rows = [await secretkit(), await powertools()];
  const total = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
  return [
    `A cold start loading ${SECRETS} JSON secrets and ${PARAMETERS} SecureString parameters (5 ms per call, ${RUNS} runs; median wall time).`,
    'The bound for secretkit is ⌈45/20⌉ = 3 BatchGetSecretValue + ⌈25/10⌉ = 3 GetParameters.',
    '',
    table(
      [
        'who',
        'BatchGetSecretValue',
        'GetSecretValue',
        'GetParameters',
        'GetParameter',
        'AWS calls',
        'wall ms',
      ],
      rows.map((r) => [
        r.who,
        int(r.calls['BatchGetSecretValue'] ?? 0),
        int(r.calls['GetSecretValue'] ?? 0),
        int(r.calls['GetParameters'] ?? 0),
        int(r.calls['GetParameter'] ?? 0),
        int(total(r.calls)),
        fixed(r.ms, 1),
      ]),
    ),
  ].join('\n');
}
