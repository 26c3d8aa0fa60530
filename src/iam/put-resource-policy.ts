/**
 * Attach a resource policy to a secret, with Block Public Policy on.
 */
import {
  PutResourcePolicyCommand,
  type PutResourcePolicyCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { send } from '../sdk/send.js';
import type { PolicyDocument } from './types.js';

/** What {@link putResourcePolicy} returns. */
export interface PutResourcePolicyResult {
  /** The secret's ARN, as Secrets Manager reports it. */
  readonly arn: string | undefined;
  /** The secret's name, as Secrets Manager reports it. */
  readonly name: string | undefined;
}

/**
 * Attaches `policy` to the secret with `BlockPublicPolicy: true`, so Secrets Manager refuses a
 * policy that would grant broad access (for example to `Principal: "*"` without conditions).
 *
 * @param client - a Secrets Manager client (in the secret's primary region)
 * @param secretId - the secret's name or ARN
 * @param policy - the resource policy, e.g. from `allowOnlyPrincipalsPolicy`
 * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`, `INVALID_REQUEST` (malformed policy),
 *   `AWS_ERROR` (e.g. `PublicPolicyException`) or a fault code, with the AWS error as `cause`
 */
export async function putResourcePolicy(
  client: SecretsManagerClientLike,
  secretId: string,
  policy: PolicyDocument,
): Promise<PutResourcePolicyResult> {
  const out = await send<PutResourcePolicyCommandOutput>(
    client,
    new PutResourcePolicyCommand({
      SecretId: secretId,
      ResourcePolicy: JSON.stringify(policy),
      BlockPublicPolicy: true,
    }),
    { operation: 'PutResourcePolicy', secretId },
  );
  return { arn: out.ARN, name: out.Name };
}
