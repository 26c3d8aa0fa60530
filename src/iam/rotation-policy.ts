/**
 * The identity policy of a rotation function (the Lambda that rotates one secret).
 */
import { kmsViaSecretsManagerStatements } from './kms-keys.js';
import { normalizePolicy } from './normalize.js';
import { type SecretRef, type SecretScope, secretResources } from './secret-refs.js';
import type { PolicyDocument, PolicyStatement } from './types.js';

/** Options of {@link rotationFunctionPolicy}. */
export interface RotationFunctionPolicyOptions extends SecretScope {
  /** The rotated secret (rotation writes to its primary region; replica regions are ignored). */
  readonly secret: SecretRef;
  /** The master (superuser) secret, for the alternating-users strategy: read only. */
  readonly masterSecret?: SecretRef | undefined;
  /** Customer-managed key ARNs of the rotated secret: `kms:Decrypt` and `kms:GenerateDataKey`. @defaultValue [] */
  readonly kmsKeys?: readonly string[] | undefined;
  /** Customer-managed key ARNs of the master secret: `kms:Decrypt`. @defaultValue [] */
  readonly masterKmsKeys?: readonly string[] | undefined;
}

/** The Secrets Manager actions a rotation function performs on the secret it rotates. */
export const ROTATION_ACTIONS: readonly string[] = [
  'secretsmanager:DescribeSecret',
  'secretsmanager:GetSecretValue',
  'secretsmanager:PutSecretValue',
  'secretsmanager:UpdateSecretVersionStage',
];

function primaryOnly(ref: SecretRef): SecretRef {
  if (typeof ref === 'string') return ref;
  return 'prefix' in ref ? { prefix: ref.prefix } : { id: ref.id };
}

/**
 * The least-privilege identity policy for a rotation function:
 * - `DescribeSecret`, `GetSecretValue`, `PutSecretValue`, `UpdateSecretVersionStage` on the
 *   rotated secret;
 * - `GetRandomPassword` on `*` (it has no resource);
 * - `GetSecretValue` on the master secret (alternating users);
 * - `kms:Decrypt` + `kms:GenerateDataKey` on the secret's customer-managed keys and
 *   `kms:Decrypt` on the master secret's, each only via Secrets Manager in the key's region.
 *
 * Network permissions for a function in a VPC (`ec2:CreateNetworkInterface`, ...) are not
 * included: use the AWS managed policy `AWSLambdaVPCAccessExecutionRole`.
 *
 * @param options - the secret, the master secret, keys, and account/region for names
 * @throws SecretkitError `INVALID_ARGUMENT`, `INVALID_ARN` or `INVALID_NAME` for bad input
 */
export function rotationFunctionPolicy(options: RotationFunctionPolicyOptions): PolicyDocument {
  const statements: PolicyStatement[] = [
    {
      Effect: 'Allow',
      Action: ROTATION_ACTIONS,
      Resource: secretResources(primaryOnly(options.secret), options),
    },
    { Effect: 'Allow', Action: 'secretsmanager:GetRandomPassword', Resource: '*' },
  ];
  if (options.masterSecret !== undefined) {
    statements.push({
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: secretResources(primaryOnly(options.masterSecret), options),
    });
  }
  statements.push(
    ...kmsViaSecretsManagerStatements(options.kmsKeys ?? [], ['kms:Decrypt', 'kms:GenerateDataKey']),
    ...kmsViaSecretsManagerStatements(options.masterKmsKeys ?? [], ['kms:Decrypt']),
  );
  return normalizePolicy(statements);
}
