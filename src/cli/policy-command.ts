/**
 * `secretkit policy <ids...>`: the reader policy built from live data.
 */
import { policyForSecrets } from '../iam/policy-for-secrets.js';
import type { CliCommand } from './command.js';
import { EXIT } from './exit-codes.js';
import { formatResolved } from './format.js';
import { reportAwsError } from './report-error.js';

/** `secretkit policy`. */
export const policyCommand: CliCommand = {
  name: 'policy',
  argsUsage: '<ids...>',
  argLabel: 'secret name or ARN',
  minArgs: 1,
  summary: 'Print the least-privilege IAM policy to read these secrets, built from live data.',
  description: `Prints the IAM policy a reader of these secrets needs, built from live data:
full ARNs (DescribeSecret), replica regions, and the KMS keys that encrypt them
(kms:Decrypt through Secrets Manager only). The policy goes to stdout; without
--json, a summary of what was resolved goes to stderr.

Needs secretsmanager:DescribeSecret on the secrets and kms:DescribeKey on their
customer-managed keys (and the optional package @aws-sdk/client-kms for those).`,
  options: {
    'no-batch': { type: 'boolean', description: 'leave out the BatchGetSecretValue statement' },
  },
  async run({ io, args, options, json, clients }) {
    try {
      const { policy, secrets } = await policyForSecrets(clients(), args, {
        batch: options['no-batch'] !== true,
      });
      if (!json) for (const line of formatResolved(secrets)) io.err(line);
      io.out(JSON.stringify(policy, null, 2));
      return EXIT.ok;
    } catch (error) {
      return reportAwsError(io, error, json);
    }
  },
};
