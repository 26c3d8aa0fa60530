/**
 * Both sides of reading secrets in another account through a role: the reader's permission to
 * assume the role, the role's trust policy naming the reader, and the role's read policy.
 */
import { parseRoleArn } from '../accounts/role-arn.js';
import { describeInput } from '../arn/secret-name.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import { normalizePolicy } from './normalize.js';
import { readerPolicy } from './reader-policy.js';
import type { SecretRef } from './secret-refs.js';
import type { PolicyDocument } from './types.js';

/** Options of {@link crossAccountPolicies}. */
export interface CrossAccountPoliciesOptions {
  /** The role (in the account that owns the secrets) that the reader assumes. */
  readonly roleArn: string;
  /** The reader: a role or user ARN in the reader's account (trusting a whole account is not offered). */
  readonly readerPrincipal: string;
  /** The secrets the role may read (ARNs, names, `{ prefix }`), in the role's account. */
  readonly secrets: readonly SecretRef[];
  /** The secrets' region (for names and prefixes). */
  readonly region: string;
  /** Customer-managed KMS keys of those secrets. @defaultValue [] */
  readonly kmsKeys?: readonly string[] | undefined;
  /** An external id the trust policy requires (`sts:ExternalId`). */
  readonly externalId?: string | undefined;
}

/** The three policies. */
export interface CrossAccountPolicies {
  /** Attach to the reader: `sts:AssumeRole` on the role only. */
  readonly readerPolicy: PolicyDocument;
  /** The role's trust policy: the reader may assume it (with the external id, when given). */
  readonly trustPolicy: PolicyDocument;
  /** Attach to the role: read those secrets (the same as `readerPolicy` from `secretkit/iam`). */
  readonly rolePolicy: PolicyDocument;
}

const PRINCIPAL = /^arn:[a-z-]+:iam::([0-9]{12}):(role|user)\/[\w+=,.@/-]+$/;

/**
 * Builds both sides of a cross-account read.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` for a malformed role or principal ARN (shown quoted
 *   and cut to 80 characters, like every rejected input), and what `readerPolicy` throws
 */
export function crossAccountPolicies(options: CrossAccountPoliciesOptions): CrossAccountPolicies {
  // The one role-ARN check (secretkit/accounts uses it too).
  const role = parseRoleArn(options.roleArn);
  if (typeof options.readerPrincipal !== 'string' || !PRINCIPAL.test(options.readerPrincipal)) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `${describeInput(options.readerPrincipal)} is not an IAM role or user ARN.`,
      { details: { option: 'readerPrincipal' } },
    );
  }
  return {
    readerPolicy: normalizePolicy([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: options.roleArn }]),
    trustPolicy: normalizePolicy([
      {
        Effect: 'Allow',
        Principal: { AWS: options.readerPrincipal },
        Action: 'sts:AssumeRole',
        ...(options.externalId !== undefined
          ? { Condition: { StringEquals: { 'sts:ExternalId': options.externalId } } }
          : {}),
      },
    ]),
    rolePolicy: readerPolicy({
      secrets: options.secrets,
      accountId: role.accountId,
      region: options.region,
      partition: role.partition,
      kmsKeys: options.kmsKeys ?? [],
    }),
  };
}
