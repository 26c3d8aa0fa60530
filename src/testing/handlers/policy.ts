/**
 * Resource policies: stored and returned as given (the fake does not evaluate them).
 * ValidateResourcePolicy only checks that the policy is JSON.
 */
import {
  type DeleteResourcePolicyCommandInput,
  type DeleteResourcePolicyCommandOutput,
  type GetResourcePolicyCommandInput,
  type GetResourcePolicyCommandOutput,
  MalformedPolicyDocumentException,
  type PutResourcePolicyCommandInput,
  type PutResourcePolicyCommandOutput,
  type ValidateResourcePolicyCommandInput,
  type ValidateResourcePolicyCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import type { Handler, HandlerContext, Output } from '../context.js';
import { responseMetadata } from '../errors.js';
import { arnIn, requireSecret, requireWritable } from '../lookup.js';

function checkPolicy(ctx: HandlerContext, policy: string | undefined): string {
  try {
    if (policy !== undefined) {
      const parsed: unknown = JSON.parse(policy);
      if (typeof parsed === 'object' && parsed !== null) return policy;
    }
  } catch {
    // fall through
  }
  const message = 'The resource policy has syntax errors.';
  throw new MalformedPolicyDocumentException({
    message,
    Message: message,
    $metadata: responseMetadata(400, ctx.newVersionId()),
  });
}

/** PutResourcePolicy. */
export const putResourcePolicy: Handler<
  PutResourcePolicyCommandInput,
  Output<PutResourcePolicyCommandOutput>
> = (ctx, input) => {
  const found = requireWritable(ctx, input.SecretId);
  found.secret.resourcePolicy = checkPolicy(ctx, input.ResourcePolicy);
  return { ARN: arnIn(found), Name: found.secret.name };
};

/** GetResourcePolicy. */
export const getResourcePolicy: Handler<
  GetResourcePolicyCommandInput,
  Output<GetResourcePolicyCommandOutput>
> = (ctx, input) => {
  const found = requireSecret(ctx, input.SecretId);
  const out: Output<GetResourcePolicyCommandOutput> = { ARN: arnIn(found), Name: found.secret.name };
  if (found.secret.resourcePolicy !== undefined) out.ResourcePolicy = found.secret.resourcePolicy;
  return out;
};

/** DeleteResourcePolicy. */
export const deleteResourcePolicy: Handler<
  DeleteResourcePolicyCommandInput,
  Output<DeleteResourcePolicyCommandOutput>
> = (ctx, input) => {
  const found = requireWritable(ctx, input.SecretId);
  found.secret.resourcePolicy = undefined;
  return { ARN: arnIn(found), Name: found.secret.name };
};

/** ValidateResourcePolicy: passes any JSON object. */
export const validateResourcePolicy: Handler<
  ValidateResourcePolicyCommandInput,
  Output<ValidateResourcePolicyCommandOutput>
> = (ctx, input) => {
  if (input.SecretId !== undefined) requireSecret(ctx, input.SecretId);
  checkPolicy(ctx, input.ResourcePolicy);
  return { PolicyValidationPassed: true, ValidationErrors: [] };
};
