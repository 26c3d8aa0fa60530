/**
 * `checkRotation`: every reason the next rotation of a secret would fail, found without changing
 * anything (no password set, no version created, no label moved).
 */
import { DescribeSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { isSecretkitError, SecretkitError } from '../../errors/secretkit-error.js';
import type { SecretsManagerClientLike } from '../../sdk/client-like.js';
import { callAws } from '../aws-call.js';
import { generatePassword, type PasswordPolicy, resolvePasswordPolicy } from '../framework/password.js';
import { AWSCURRENT } from '../stages.js';
import type { RotationStrategy } from '../strategy.js';
import { requireText } from '../validate.js';
import { finding, type RotationCheckResult, type RotationFinding } from './findings.js';
import { type RotationRolePolicies, simulateRotationRole, unprovenActions } from './iam-checks.js';
import { policyShapeFindings } from './password-rules.js';
import { secretFindings } from './secret-checks.js';

/** Options of {@link checkRotation}. */
export interface CheckRotationOptions {
  /** The password policy the rotation uses. @defaultValue the rotation handler's defaults */
  readonly password?: PasswordPolicy | undefined;
  /** Report ROTATION_NOT_CONFIGURED when rotation is off (false: check a secret before configuring it). @defaultValue true */
  readonly requireRotationEnabled?: boolean | undefined;
  /** The rotation role and its policies, evaluated with @cloud-copilot/iam-simulate. Without it, see IAM_UNCHECKED. */
  readonly role?: RotationRolePolicies | undefined;
}

async function readString(client: SecretsManagerClientLike, secretId: string): Promise<string> {
  const out = await callAws('GetSecretValue', secretId, () =>
    client.send(new GetSecretValueCommand({ SecretId: secretId, VersionStage: AWSCURRENT })),
  );
  if (typeof out.SecretString !== 'string')
    throw new SecretkitError('NOT_A_STRING', `Secret "${secretId}" holds binary data, not a string.`, {
      secretId,
    });
  return out.SecretString;
}

function masterArnOf(value: string): string | undefined {
  try {
    const parsed = JSON.parse(value) as { masterarn?: unknown };
    return typeof parsed.masterarn === 'string' && parsed.masterarn.length > 0 ? parsed.masterarn : undefined;
  } catch {
    return undefined;
  }
}

async function passwordSample(
  client: SecretsManagerClientLike,
  secretId: string,
  policy: PasswordPolicy,
  findings: RotationFinding[],
  passed: string[],
): Promise<{ resolved: ReturnType<typeof resolvePasswordPolicy>; sample: string | undefined } | undefined> {
  let resolved: ReturnType<typeof resolvePasswordPolicy>;
  try {
    resolved = resolvePasswordPolicy(policy);
  } catch (error) {
    findings.push(
      finding(
        'PASSWORD_POLICY_INVALID',
        `The password policy is not valid: ${(error as Error).message}`,
        'Use a length from 4 to 4096.',
      ),
    );
    return undefined;
  }
  const shape = policyShapeFindings(resolved);
  if (shape.length > 0) {
    findings.push(...shape);
    return { resolved, sample: undefined };
  }
  try {
    const sample = await generatePassword(client, resolved, secretId);
    passed.push('password-generated');
    return { resolved, sample };
  } catch (error) {
    const code = isSecretkitError(error) ? error.code : 'AWS_ERROR';
    if (code === 'ACCESS_DENIED') {
      findings.push(
        finding(
          'IAM_ACTION_DENIED',
          'GetRandomPassword was denied to the identity running this check.',
          'Allow secretsmanager:GetRandomPassword (Resource "*") to the rotation role.',
          { action: 'secretsmanager:GetRandomPassword' },
        ),
      );
    } else if (code === 'INVALID_ARGUMENT' || code === 'INVALID_REQUEST') {
      findings.push(
        finding(
          'PASSWORD_POLICY_INVALID',
          'GetRandomPassword refused the password policy.',
          'Fix the password policy (length, excluded characters).',
        ),
      );
    } else {
      findings.push(
        finding(
          'PASSWORD_POLICY_INVALID',
          `GetRandomPassword failed (${code}), so the policy was not checked.`,
          'Run the check again; check the network and the region.',
          { code },
          'unchecked',
        ),
      );
    }
    return { resolved, sample: undefined };
  }
}

/**
 * Checks whether the next rotation of `secretId` with `strategy` would succeed, and reports
 * every reason it would not. Changes nothing: it reads the secret (DescribeSecret,
 * GetSecretValue of AWSCURRENT and of the master secret), asks GetRandomPassword for one sample
 * password (never shown), and logs into the database with the current and master credentials.
 *
 * @param client - Secrets Manager client of the secret's region
 * @param secretId - name or ARN
 * @param strategy - the strategy the rotation function uses (its `preflight` does the engine side)
 * @param options - password policy, rotation role policies, whether rotation must be enabled
 * @returns the findings (problems first) and the checks passed; `ok` when there is no finding
 * @throws SecretkitError `INVALID_ARGUMENT`; DescribeSecret's errors mapped (`NOT_FOUND`, `ACCESS_DENIED`, ...)
 * @example
 * ```ts
 * const result = await checkRotation(client, 'prod/db', postgresAlternatingUsers());
 * for (const f of result.findings) console.log(f.code, f.message, f.action);
 * ```
 */
export async function checkRotation(
  client: SecretsManagerClientLike,
  secretId: string,
  strategy: RotationStrategy,
  options: CheckRotationOptions = {},
): Promise<RotationCheckResult> {
  requireText('secretId', secretId);
  const described = await callAws('DescribeSecret', secretId, () =>
    client.send(new DescribeSecretCommand({ SecretId: secretId })),
  );
  const arn = described.ARN ?? secretId;
  const secret = secretFindings(described, { requireRotationEnabled: options.requireRotationEnabled });
  const findings: RotationFinding[] = [...secret.findings];
  const passed: string[] = [...secret.passed];
  const result = (): RotationCheckResult => {
    const sorted = [...findings].sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === 'problem' ? -1 : 1,
    );
    return { secretId: arn, strategy: strategy.name, ok: sorted.length === 0, findings: sorted, passed };
  };
  if (described.OwningService) return result();

  let current: string;
  try {
    current = await readString(client, arn);
    passed.push('read-current');
  } catch (error) {
    const code = isSecretkitError(error) ? error.code : 'AWS_ERROR';
    findings.push(
      finding(
        'SECRET_UNREADABLE',
        `AWSCURRENT could not be read (${code}).`,
        'Check that the secret has an AWSCURRENT string value and that the role may read and decrypt it.',
        { code },
      ),
    );
    return result();
  }
  const policy = await passwordSample(client, arn, options.password ?? {}, findings, passed);
  if (strategy.preflight) {
    const engine = await strategy.preflight({
      client,
      secretId: arn,
      current,
      getSecretString: (id) => readString(client, id),
      passwordPolicy: policy?.resolved ?? resolvePasswordPolicy({}),
      passwordSample: policy?.sample,
    });
    findings.push(...engine.findings);
    passed.push(...engine.passed);
  } else {
    findings.push(
      finding(
        'ENGINE_UNCHECKED',
        `The strategy ${strategy.name} has no preflight, so nothing on the database side was checked.`,
        'Use a secretkit strategy, or add a preflight to yours.',
        undefined,
        'unchecked',
      ),
    );
  }
  if (options.role) {
    const iam = await simulateRotationRole(
      { secretArn: arn, kmsKeyId: described.KmsKeyId, masterArn: masterArnOf(current) },
      options.role,
    );
    findings.push(...iam.findings);
    passed.push(...iam.passed);
  } else {
    findings.push(...unprovenActions());
  }
  return result();
}
