/**
 * Preflight of the rotation role's permissions. With the role's policies, each action rotation
 * performs is evaluated by @cloud-copilot/iam-simulate (an optional peer dependency, loaded only
 * here). Without them, only what the caller's own calls proved is known; the rest is reported
 * as unchecked.
 */
import { isSecretArn, parseSecretArn } from '../../arn/secret-arn.js';
import { secretsManagerViaService } from '../../iam/kms-keys.js';
import type { PolicyDocument } from '../../iam/types.js';
import { finding, type RotationFinding } from './findings.js';

/** The rotation role and its policies, for the IAM part of `checkRotation`. */
export interface RotationRolePolicies {
  /** ARN of the rotation function's execution role. */
  readonly roleArn: string;
  /** The role's identity policies (inline and attached), as JSON documents. */
  readonly identityPolicies: readonly PolicyDocument[];
  /** The secret's resource policy, if it has one. */
  readonly secretPolicy?: PolicyDocument | undefined;
  /** The KMS key's key policy. @defaultValue the default key policy (the account root may use the key; IAM decides) */
  readonly keyPolicy?: PolicyDocument | undefined;
  /** The key ARN, when the secret names its key by alias or id. @defaultValue from DescribeSecret's KmsKeyId */
  readonly keyArn?: string | undefined;
}

/** What the IAM check needs to know about the secret. */
export interface IamCheckTarget {
  /** The secret's ARN. */
  readonly secretArn: string;
  /** DescribeSecret's KmsKeyId (`undefined`: the AWS managed key `aws/secretsmanager`). */
  readonly kmsKeyId: string | undefined;
  /** The master secret's ARN (alternating users). */
  readonly masterArn: string | undefined;
}

/** The Secrets Manager actions of a rotation on the rotated secret. */
export const ROTATION_SECRET_ACTIONS: readonly string[] = [
  'secretsmanager:DescribeSecret',
  'secretsmanager:GetSecretValue',
  'secretsmanager:PutSecretValue',
  'secretsmanager:UpdateSecretVersionStage',
];

type Simulate = typeof import('@cloud-copilot/iam-simulate')['runSimulation'];

interface Request {
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string>;
  readonly resourcePolicy?: PolicyDocument | undefined;
}

function keyArnOf(target: IamCheckTarget, role: RotationRolePolicies): string | undefined {
  if (role.keyArn !== undefined) return role.keyArn;
  const id = target.kmsKeyId;
  if (id === undefined || id === 'alias/aws/secretsmanager' || id.endsWith(':alias/aws/secretsmanager'))
    return undefined;
  if (id.startsWith('arn:') && !id.includes(':alias/')) return id;
  return id.startsWith('arn:') || id.startsWith('alias/') ? 'alias' : `key-id:${id}`;
}

function rootKeyPolicy(account: string, partition: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:${partition}:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  };
}

async function decide(
  simulate: Simulate,
  role: RotationRolePolicies,
  account: string,
  r: Request,
): Promise<string> {
  const result = await simulate(
    {
      request: {
        principal: role.roleArn,
        action: r.action,
        resource: {
          resource: r.resource,
          accountId: /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(r.resource)?.[1] ?? account,
        },
        contextVariables: r.context ?? {},
      },
      identityPolicies: role.identityPolicies.map((policy, i) => ({ name: `policy${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: r.resourcePolicy,
    },
    {},
  );
  if (result.resultType === 'error') return 'error';
  return String(result.overallResult);
}

/**
 * Evaluates the rotation role's permissions with the policy simulator.
 *
 * @param target - the secret's ARN, key and master secret
 * @param role - the role and its policies
 * @returns findings (IAM_ACTION_DENIED, KMS_ACTION_DENIED, IAM_UNCHECKED) and the passed checks
 */
export async function simulateRotationRole(
  target: IamCheckTarget,
  role: RotationRolePolicies,
): Promise<{ findings: RotationFinding[]; passed: string[] }> {
  const findings: RotationFinding[] = [];
  let simulate: Simulate;
  try {
    simulate = (await import('@cloud-copilot/iam-simulate')).runSimulation;
  } catch {
    findings.push(
      finding(
        'IAM_UNCHECKED',
        'The policy simulator @cloud-copilot/iam-simulate is not installed, so the rotation role was not checked.',
        'npm install --save-dev @cloud-copilot/iam-simulate',
        undefined,
        'unchecked',
      ),
    );
    return { findings, passed: [] };
  }
  const { accountId, region, partition } = isSecretArn(target.secretArn)
    ? parseSecretArn(target.secretArn)
    : { accountId: '000000000000', region: 'us-east-1', partition: 'aws' };
  const requests: Request[] = ROTATION_SECRET_ACTIONS.map((action) => ({
    action,
    resource: target.secretArn,
    resourcePolicy: role.secretPolicy,
  }));
  requests.push({ action: 'secretsmanager:GetRandomPassword', resource: '*' });
  if (target.masterArn !== undefined)
    requests.push({ action: 'secretsmanager:GetSecretValue', resource: target.masterArn });
  const keyArn = keyArnOf(target, role);
  const kmsContext = {
    'kms:ViaService': secretsManagerViaService(region),
    'kms:CallerAccount': accountId,
    'kms:EncryptionContext:SecretARN': target.secretArn,
  };
  if (keyArn?.startsWith('arn:')) {
    for (const action of ['kms:Decrypt', 'kms:GenerateDataKey'])
      requests.push({
        action,
        resource: keyArn,
        context: kmsContext,
        resourcePolicy: role.keyPolicy ?? rootKeyPolicy(accountId, partition),
      });
  } else if (keyArn !== undefined) {
    findings.push(
      finding(
        'IAM_UNCHECKED',
        'The secret names its KMS key by alias or key id, so the key permissions were not checked.',
        'Pass the key ARN (keyArn) with the role policies.',
        undefined,
        'unchecked',
      ),
    );
  }
  const passed: string[] = [];
  for (const r of requests) {
    const decision = await decide(simulate, role, accountId, r);
    const onMaster = r.resource === target.masterArn && r.resource !== target.secretArn;
    const label = `${r.action}${onMaster ? ' (master secret)' : ''}`;
    if (decision === 'Allowed') {
      passed.push(`iam ${label}`);
      continue;
    }
    if (decision === 'error') {
      findings.push(
        finding(
          'IAM_UNCHECKED',
          `The policy simulator could not evaluate ${label}.`,
          'Check that the policies are valid JSON policy documents.',
          { action: r.action },
          'unchecked',
        ),
      );
      continue;
    }
    const kms = r.action.startsWith('kms:');
    findings.push(
      finding(
        kms ? 'KMS_ACTION_DENIED' : 'IAM_ACTION_DENIED',
        `The rotation role may not ${label} (${decision === 'ExplicitlyDenied' ? 'explicitly denied' : 'not allowed by any statement'}).`,
        kms
          ? "Allow kms:Decrypt and kms:GenerateDataKey on the secret's key to the role (key policy, or an identity policy when the key policy delegates to IAM), via secretsmanager."
          : "Add the action to the role (see rotationFunctionPolicy in secretkit/iam), and check the secret's resource policy for a Deny.",
        { action: r.action, decision },
      ),
    );
  }
  return { findings, passed };
}

/**
 * Without the role's policies: the actions checkRotation's own calls cannot prove (they would
 * change the secret), reported as unchecked.
 */
export function unprovenActions(): RotationFinding[] {
  return [
    finding(
      'IAM_UNCHECKED',
      "Without the rotation role's policies, secretsmanager:PutSecretValue, secretsmanager:UpdateSecretVersionStage and kms:GenerateDataKey were not checked (trying them would change the secret); DescribeSecret, GetSecretValue, GetRandomPassword and kms:Decrypt were only checked for the identity running this check.",
      "Pass the rotation role's policies (role option of checkRotation, --role-policies of the CLI), or run the check as the rotation role.",
      undefined,
      'unchecked',
    ),
  ];
}
