/** Usage text of the `secretkit` CLI. */
export const HELP = `Usage: secretkit <command> [options]

Commands:
  policy <ids...>   Print the least-privilege IAM policy to read these secrets,
                    built from live data (full ARNs, replica regions, KMS keys).
  doctor <id>       Diagnose why a secret cannot be read: can you describe it,
                    is it being deleted, which KMS key encrypts it, is the key
                    enabled, can you read and decrypt it. Never prints the value.
  cost              Monthly cost of the region's secrets (count, replicas); flags idle ones
                    by LastAccessedDate (--idle-days N, default 90; --prefix P; --no-replicas).

Options:
  -r, --region <r>  AWS region (default: AWS_REGION, or the region of an ARN id)
      --json        Machine-readable output: the policy document, or
                    {"secretId","ok","findings":[{"check","status","message"}]}
      --no-batch    policy: leave out the BatchGetSecretValue statement
      --no-read     doctor: do not try GetSecretValue
  -h, --help        Show this help

Credentials, region and endpoint come from the usual AWS environment
(AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_REGION, AWS_ENDPOINT_URL, ...).

Exit codes: 0 ok, 1 problems found (doctor), 2 usage error, 3 AWS error.`;
