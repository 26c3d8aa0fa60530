/**
 * Test helper: evaluates a request against policies with @cloud-copilot/iam-simulate, a real
 * IAM policy evaluator (identity + resource policies, same- and cross-account rules, KMS key
 * policy semantics).
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument } from '../../../src/iam/types.js';

/** The simulator's decision. */
export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

/** One request to evaluate. */
export interface SimRequest {
  /** The calling principal (default: the app role in {@link ACCOUNT}). */
  readonly principal?: string;
  readonly action: string;
  readonly resource: string;
  /** Account that owns the resource (default: taken from the resource ARN, or {@link ACCOUNT}). */
  readonly resourceAccount?: string;
  readonly context?: Record<string, string | string[]>;
  /** Identity policies of the principal. */
  readonly identity?: readonly PolicyDocument[];
  /** The secret's resource policy or the KMS key policy. */
  readonly resourcePolicy?: PolicyDocument;
}

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const APP_ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;

/** A realistic default KMS key policy: the account root may use the key (delegating to IAM). */
export function accountRootKeyPolicy(accountId: string = ACCOUNT): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  };
}

/** Runs one simulation and returns the overall decision; fails on simulator validation errors. */
export async function decide(request: SimRequest): Promise<Decision> {
  const accountFromArn = /^arn:[^:]+:[^:]+:[^:]*:([0-9]{12}):/.exec(request.resource)?.[1];
  const result = await runSimulation(
    {
      request: {
        principal: request.principal ?? APP_ROLE,
        action: request.action,
        resource: {
          resource: request.resource,
          accountId: request.resourceAccount ?? accountFromArn ?? ACCOUNT,
        },
        contextVariables: request.context ?? {},
      },
      identityPolicies: (request.identity ?? []).map((policy, i) => ({ name: `policy${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: request.resourcePolicy,
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(`simulation error: ${JSON.stringify(result.errors)}`);
  return result.overallResult as Decision;
}

/** Secret ARN in {@link ACCOUNT} (or another account/region). */
export function secretArn(nameWithSuffix: string, region = 'us-east-1', account = ACCOUNT): string {
  return `arn:aws:secretsmanager:${region}:${account}:secret:${nameWithSuffix}`;
}

/** KMS key ARN. */
export function keyArn(id: string, region = 'us-east-1', account = ACCOUNT): string {
  return `arn:aws:kms:${region}:${account}:key/${id}`;
}

/** `kms:ViaService` context for Secrets Manager in a region. */
export function via(service: string): Record<string, string> {
  return { 'kms:ViaService': service };
}
