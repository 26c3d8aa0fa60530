/**
 * `secretkit cost [--region R] [--prefix P] [--idle-days N] [--no-replicas] [--json]`: estimates
 * the monthly storage cost of the account's secrets in a region (each secret and each replica is
 * billed as a secret) and flags idle ones by `LastAccessedDate` (AWS rounds it to the day).
 * Calls: ListSecrets (one per 100 secrets) and, unless `--no-replicas`, one DescribeSecret per
 * secret for its replicas; the estimate prints what it spent. Prices: see secretkit/fleet
 * `DEFAULT_PRICES` (dated in docs/fleet.md).
 */
import {
  DescribeSecretCommand,
  type DescribeSecretCommandOutput,
  ListSecretsCommand,
  type ListSecretsCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { fleetSend, type SendLike } from '../fleet/aws-call.js';
import { DEFAULT_PRICES } from '../fleet/cost.js';
import type { SecretAccessClients } from '../iam/policy-for-secrets.js';
import type { CliCommand, OptionValues } from './command.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { reportAwsError } from './report-error.js';

const DAY_MS = 24 * 3600 * 1000;

/** One secret in the report. */
interface Row {
  readonly name: string;
  readonly replicas: number;
  readonly lastAccessed: string | undefined;
  readonly idle: boolean;
  readonly monthly: number;
}

/** `secretkit cost`. */
export const costCommand: CliCommand = {
  name: 'cost',
  argsUsage: '',
  argLabel: 'nothing',
  minArgs: 0,
  maxArgs: 0,
  summary: "Monthly cost of the region's secrets (count, replicas); flags idle ones.",
  description: `Estimates the monthly storage cost of the account's secrets in a region (each secret
and each replica is billed as a secret) and flags idle ones by LastAccessedDate (AWS
rounds it to the day). Calls: ListSecrets (one per 100 secrets) and, unless
--no-replicas, one DescribeSecret per secret for its replicas; the report says how
many calls it made. Prices: secretkit/fleet DEFAULT_PRICES (dated in docs/fleet.md).`,
  options: {
    prefix: {
      type: 'string',
      valueName: '<prefix>',
      description: 'only secrets whose name starts with this',
    },
    'idle-days': {
      type: 'string',
      valueName: '<n>',
      description: 'idle after this many days without a read (default 90)',
    },
    'no-replicas': { type: 'boolean', description: 'do not describe each secret to count its replicas' },
  },
  run({ io, options, json, clients }) {
    return costReport(io, clients, options, json, Date.now);
  },
};

/**
 * Builds and prints the cost report.
 *
 * @param io - output
 * @param clients - AWS clients
 * @param values - the command's options
 * @param json - machine-readable output
 * @param now - the current time (tests)
 */
export async function costReport(
  io: CliIo,
  clients: () => SecretAccessClients,
  values: OptionValues,
  json: boolean,
  now: () => number,
): Promise<ExitCode> {
  const prefix = typeof values['prefix'] === 'string' ? values['prefix'] : undefined;
  const idleDays = typeof values['idle-days'] === 'string' ? Number(values['idle-days']) : 90;
  if (!Number.isInteger(idleDays) || idleDays < 1) {
    io.err('secretkit: --idle-days must be a whole number of days ≥ 1');
    return EXIT.usage;
  }
  try {
    const sm = clients().secretsClient as unknown as SendLike;
    let calls = 0;
    const rows: Row[] = [];
    let token: string | undefined;
    do {
      calls += 1;
      const page: ListSecretsCommandOutput = await fleetSend(
        sm,
        new ListSecretsCommand({
          MaxResults: 100,
          NextToken: token,
          Filters: prefix ? [{ Key: 'name', Values: [prefix] }] : undefined,
        }),
      );
      for (const s of page.SecretList ?? []) {
        if (prefix && !(s.Name ?? '').startsWith(prefix)) continue;
        let replicas = 0;
        if (values['no-replicas'] !== true) {
          calls += 1;
          const d: DescribeSecretCommandOutput = await fleetSend(
            sm,
            new DescribeSecretCommand({ SecretId: s.ARN ?? s.Name }),
          );
          replicas = d.ReplicationStatus?.length ?? 0;
        }
        const last = s.LastAccessedDate;
        rows.push({
          name: s.Name ?? '',
          replicas,
          lastAccessed: last?.toISOString().slice(0, 10),
          idle: last === undefined || now() - last.getTime() > idleDays * DAY_MS,
          monthly: (1 + replicas) * DEFAULT_PRICES.perSecretMonth,
        });
      }
      token = page.NextToken;
    } while (token);
    const total = rows.reduce((a, r) => a + r.monthly, 0);
    const idle = rows.filter((r) => r.idle);
    const idleCost = idle.reduce((a, r) => a + r.monthly, 0);
    const report = {
      secrets: rows.length,
      replicas: rows.reduce((a, r) => a + r.replicas, 0),
      monthlyStorageUsd: round(total),
      idle: {
        days: idleDays,
        count: idle.length,
        monthlyUsd: round(idleCost),
        names: idle.map((r) => r.name),
      },
      prices: DEFAULT_PRICES,
      callsMade: calls,
      rows,
    };
    if (json) io.out(JSON.stringify(report, null, 2));
    else {
      io.out(
        `${report.secrets} secrets, ${report.replicas} replicas: $${report.monthlyStorageUsd.toFixed(2)}/month storage`,
      );
      io.out(
        `${idle.length} idle (no read in ${idleDays} days or never): $${report.idle.monthlyUsd.toFixed(2)}/month`,
      );
      for (const r of idle) io.out(`  idle  ${r.name}  last read ${r.lastAccessed ?? 'never'}`);
      io.out(
        `API calls are billed apart: $${DEFAULT_PRICES.per10kCalls} per 10,000 (this report made ${calls}).`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    return reportAwsError(io, error, json);
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
