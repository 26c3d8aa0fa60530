/**
 * Attach a resource policy to a secret, with Block Public Policy on.
 */
import { PutResourcePolicyCommand } from '@aws-sdk/client-secrets-manager';
import { SecretkitError, type SecretkitErrorCode } from '../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { awsErrorName, isAccessDenied } from './aws-error-shape.js';
import type { PolicyDocument } from './types.js';

/** What {@link putResourcePolicy} returns. */
export interface PutResourcePolicyResult {
  /** The secret's ARN, as Secrets Manager reports it. */
  readonly arn: string | undefined;
  /** The secret's name, as Secrets Manager reports it. */
  readonly name: string | undefined;
}

function codeFor(error: unknown): SecretkitErrorCode {
  if (isAccessDenied(error)) return 'ACCESS_DENIED';
  switch (awsErrorName(error)) {
    case 'ResourceNotFoundException':
      return 'NOT_FOUND';
    case 'MalformedPolicyDocumentException':
    case 'PublicPolicyException':
    case 'InvalidParameterException':
    case 'InvalidRequestException':
      return 'INVALID_REQUEST';
    default:
      return 'AWS_ERROR';
  }
}

/**
 * Attaches `policy` to the secret with `BlockPublicPolicy: true`, so Secrets Manager refuses a
 * policy that would grant broad access (for example to `Principal: "*"` without conditions).
 *
 * @param client - a Secrets Manager client (in the secret's primary region)
 * @param secretId - the secret's name or ARN
 * @param policy - the resource policy, e.g. from `allowOnlyPrincipalsPolicy`
 * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`, `INVALID_REQUEST` (malformed or public
 *   policy) or `AWS_ERROR`, with the AWS error as `cause`
 */
export async function putResourcePolicy(
  client: SecretsManagerClientLike,
  secretId: string,
  policy: PolicyDocument,
): Promise<PutResourcePolicyResult> {
  try {
    const out = await client.send(
      new PutResourcePolicyCommand({
        SecretId: secretId,
        ResourcePolicy: JSON.stringify(policy),
        BlockPublicPolicy: true,
      }),
    );
    return { arn: out.ARN, name: out.Name };
  } catch (error) {
    throw new SecretkitError(
      codeFor(error),
      `PutResourcePolicy on secret ${JSON.stringify(secretId)} failed: ${awsErrorName(error) ?? 'unknown error'}`,
      { cause: error, secretId },
    );
  }
}
