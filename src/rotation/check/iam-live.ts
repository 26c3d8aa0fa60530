/**
 * The rotation role against the live account: IAM `SimulatePrincipalPolicy` for each request a
 * rotation makes (the role's identity policies, permissions boundary and the organization's
 * SCPs, as IAM evaluates them; plus the secret's resource policy or the key policy when the
 * caller gives them). A simulation that cannot run is reported as IAM_UNCHECKED, never as a pass.
 */
import { isSecretArn, parseSecretArn } from '../../arn/secret-arn.js';
import { isSecretkitError } from '../../errors/secretkit-error.js';
import { callAws } from '../aws-call.js';
import { finding, type RotationFinding } from './findings.js';
import {
  decisionOutcome,
  type IamCheckTarget,
  type RoleRequest,
  type RotationRole,
  requestLabel,
  rotationRequests,
} from './iam-checks.js';
import { IAM_PACKAGE, type IAMClientLike, loadIamSdk } from './iam-client-like.js';

interface SimulateOutput {
  readonly EvaluationResults?: readonly { EvalActionName?: string; EvalDecision?: string }[];
}

const DECISIONS: Readonly<Record<string, string>> = {
  allowed: 'Allowed',
  explicitDeny: 'ExplicitlyDenied',
  implicitDeny: 'ImplicitlyDenied',
};

function unchecked(message: string, action: string, details?: Record<string, string>): RotationFinding {
  return finding('IAM_UNCHECKED', message, action, details, 'unchecked');
}

/**
 * Simulates the rotation role on the live account with IAM `SimulatePrincipalPolicy`.
 *
 * @param target - the secret's ARN, key and master secret
 * @param role - the role's ARN (and optionally the secret's resource policy, the key policy, the key ARN)
 * @param client - an IAM client. @defaultValue a new `IAMClient` of `@aws-sdk/client-iam` (an optional peer, loaded here) in the secret's region
 * @returns findings (IAM_ACTION_DENIED, KMS_ACTION_DENIED, IAM_UNCHECKED) and the passed checks
 */
export async function simulateRotationRoleLive(
  target: IamCheckTarget,
  role: RotationRole,
  client?: IAMClientLike,
): Promise<{ findings: RotationFinding[]; passed: string[] }> {
  let sdk: Awaited<ReturnType<typeof loadIamSdk>>;
  try {
    sdk = await loadIamSdk();
  } catch {
    return {
      findings: [
        unchecked(
          `${IAM_PACKAGE} is not installed, so the rotation role was not simulated on the account.`,
          `npm install ${IAM_PACKAGE}, or pass the role's policies to evaluate them offline.`,
        ),
      ],
      passed: [],
    };
  }
  const region = isSecretArn(target.secretArn) ? parseSecretArn(target.secretArn).region : undefined;
  const iam: IAMClientLike = client ?? new sdk.IAMClient(region === undefined ? {} : { region });
  const planned = rotationRequests(target, role);
  const findings = [...planned.findings];
  const passed: string[] = [];
  // One simulation per resource: the secret, GetRandomPassword (*), the master secret, the key.
  const groups = new Map<string, RoleRequest[]>();
  for (const r of planned.requests) groups.set(r.on, [...(groups.get(r.on) ?? []), r]);
  for (const [on, requests] of groups) {
    const first = requests[0] as RoleRequest;
    const resourcePolicy = on === 'secret' ? role.secretPolicy : on === 'key' ? role.keyPolicy : undefined;
    let out: SimulateOutput;
    try {
      out = (await callAws('SimulatePrincipalPolicy', target.secretArn, () =>
        iam.send(
          new sdk.SimulatePrincipalPolicyCommand({
            PolicySourceArn: role.roleArn,
            ActionNames: requests.map((r) => r.action),
            ResourceArns: [first.resource],
            ...(resourcePolicy === undefined ? {} : { ResourcePolicy: JSON.stringify(resourcePolicy) }),
            ContextEntries: Object.entries(first.context ?? {}).map(([name, value]) => ({
              ContextKeyName: name,
              ContextKeyValues: [value],
              ContextKeyType: 'string',
            })),
          }),
        ),
      )) as SimulateOutput;
    } catch (error) {
      const code = isSecretkitError(error) ? error.code : 'AWS_ERROR';
      findings.push(
        unchecked(
          `IAM could not simulate the rotation role (SimulatePrincipalPolicy failed: ${code}), so ${requests.map(requestLabel).join(', ')} ${requests.length === 1 ? 'was' : 'were'} not checked.`,
          code === 'ACCESS_DENIED'
            ? "Allow iam:SimulatePrincipalPolicy on the rotation role to the identity running this check, or pass the role's policies to evaluate them offline."
            : "Check the role ARN, the region and the network, or pass the role's policies to evaluate them offline.",
          { operation: 'SimulatePrincipalPolicy', code },
        ),
      );
      continue;
    }
    for (const r of requests) {
      const raw = out.EvaluationResults?.find(
        (e) => e.EvalActionName?.toLowerCase() === r.action.toLowerCase(),
      )?.EvalDecision;
      const decision = raw === undefined ? undefined : DECISIONS[raw];
      if (decision === undefined) {
        findings.push(
          unchecked(
            `IAM's simulation returned no decision for ${requestLabel(r)}.`,
            "Run the check again, or pass the role's policies to evaluate them offline.",
            { action: r.action },
          ),
        );
        continue;
      }
      const note =
        r.on === 'key' && role.keyPolicy === undefined
          ? '; simulated without the key policy: a key policy that names the role itself is not seen, pass keyPolicy'
          : '';
      const outcome = decisionOutcome(r, decision, note);
      if (typeof outcome === 'string') passed.push(outcome);
      else findings.push(outcome);
    }
  }
  return { findings, passed };
}
