/**
 * Preflight of the Secrets Manager side: who owns the secret, whether rotation is configured,
 * whether its rules are valid, and whether a half-finished rotation is waiting.
 */
import type { DescribeSecretCommandOutput } from '@aws-sdk/client-secrets-manager';
import { toRotationRules } from '../labels/schedule.js';
import { AWSCURRENT, AWSPENDING } from '../stages.js';
import { finding, type RotationFinding } from './findings.js';

/** Options of {@link secretFindings}. */
export interface SecretCheckOptions {
  /** Report ROTATION_NOT_CONFIGURED when rotation is off. @defaultValue true */
  readonly requireRotationEnabled?: boolean | undefined;
}

function scheduleProblem(
  rules: NonNullable<DescribeSecretCommandOutput['RotationRules']>,
): string | undefined {
  try {
    if (rules.ScheduleExpression !== undefined)
      toRotationRules(rules.ScheduleExpression as `rate(${string})`, rules.Duration);
    else if (rules.AutomaticallyAfterDays !== undefined)
      toRotationRules({ days: rules.AutomaticallyAfterDays }, rules.Duration);
    else return 'it has neither ScheduleExpression nor AutomaticallyAfterDays';
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The findings DescribeSecret alone gives.
 *
 * @param described - DescribeSecret's output
 * @param options - whether rotation must be enabled
 * @returns findings and the names of the checks passed
 */
export function secretFindings(
  described: DescribeSecretCommandOutput,
  options: SecretCheckOptions = {},
): { findings: RotationFinding[]; passed: string[] } {
  const findings: RotationFinding[] = [];
  const passed: string[] = [];
  if (described.OwningService) {
    findings.push(
      finding(
        'MANAGED_BY_SERVICE',
        `The secret is managed by ${described.OwningService}, which rotates it; a rotation strategy must not touch it.`,
        'Rotate it through the owning service (for RDS: ManageMasterUserPassword and its rotation schedule), or use a secret of your own.',
        { owningService: described.OwningService },
      ),
    );
  } else passed.push('not-managed');
  if (described.RotationEnabled !== true) {
    if (options.requireRotationEnabled !== false)
      findings.push(
        finding(
          'ROTATION_NOT_CONFIGURED',
          'Rotation is not enabled on the secret, so no rotation will run.',
          'Turn it on with configureRotation (a Lambda ARN and a schedule) or RotateSecret.',
        ),
      );
  } else passed.push('rotation-enabled');
  if (described.RotationRules !== undefined) {
    const problem = scheduleProblem(described.RotationRules);
    if (problem !== undefined)
      findings.push(
        finding(
          'ROTATION_SCHEDULE_INVALID',
          `The rotation rules are not valid: ${problem}`,
          'Set a valid schedule with configureRotation (rate(N days), cron(...) with six fields, or { days }) and a window of 1h to 24h.',
        ),
      );
    else passed.push('schedule');
  }
  const stages = described.VersionIdsToStages ?? {};
  const pending = Object.entries(stages).filter(([, s]) => s.includes(AWSPENDING) && !s.includes(AWSCURRENT));
  if (pending.length > 0) {
    findings.push(
      finding(
        'ROTATION_PENDING',
        `A half-finished rotation is waiting: version ${pending.map(([id]) => id).join(', ')} is AWSPENDING but not AWSCURRENT. The next rotation resumes it instead of starting a new one.`,
        'Finish it (runRotation resumes it) or drop it (removeLabel AWSPENDING), after checking whether the database already has the pending password.',
        { versionId: pending[0]?.[0] ?? '' },
      ),
    );
  } else passed.push('no-pending-rotation');
  return { findings, passed };
}
