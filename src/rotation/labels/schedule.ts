/**
 * Turns a rotation schedule (`rate(...)`, `cron(...)` or `{ days }`) into RotateSecret's
 * RotationRules, validating it first.
 */
import type { RotationRulesType } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../../errors/secretkit-error.js';

/**
 * When a secret rotates: a `rate(N hours|days)` or `cron(...)` expression (UTC), or a number
 * of days between rotations.
 */
export type RotationSchedule =
  | `rate(${string})`
  | `cron(${string})`
  | {
      /** Days between rotations (AutomaticallyAfterDays, 1–1000). */
      readonly days: number;
    };

const RATE = /^rate\((\d+) (hour|hours|day|days)\)$/;
const CRON = /^cron\((.+)\)$/;
const DURATION = /^(\d+)h$/;

function invalid(message: string, secretId: string | undefined): SecretkitError {
  return new SecretkitError('INVALID_ARGUMENT', message, { secretId, details: { argument: 'schedule' } });
}

function checkDays(days: number, secretId: string | undefined): void {
  if (!Number.isInteger(days) || days < 1 || days > 1000) {
    throw invalid('A rotation schedule in days must be a whole number from 1 to 1000.', secretId);
  }
}

function checkExpression(expression: string, secretId: string | undefined): void {
  const rate = RATE.exec(expression);
  if (rate) {
    const n = Number(rate[1]);
    if (rate[2]?.startsWith('hour')) {
      if (n < 4 || n > 23)
        throw invalid('rate(N hours) needs N from 4 to 23 (use days beyond that).', secretId);
    } else {
      checkDays(n, secretId);
    }
    return;
  }
  const cron = CRON.exec(expression);
  if (cron && cron[1]?.trim().split(/\s+/).length === 6) return;
  throw invalid(
    'A rotation schedule must be rate(N hours|days), cron(min hour day-of-month month day-of-week year) or { days }.',
    secretId,
  );
}

/**
 * Validates a schedule (and an optional rotation window such as `3h`) and returns RotationRules.
 *
 * @param schedule - `rate(...)`, `cron(...)` or `{ days }`
 * @param duration - rotation window length in hours, e.g. `'3h'` (1h to 24h)
 * @param secretId - for error messages
 * @throws SecretkitError `INVALID_ARGUMENT` when the schedule or window is malformed or out of range
 */
export function toRotationRules(
  schedule: RotationSchedule,
  duration?: string,
  secretId?: string,
): RotationRulesType {
  const rules: { AutomaticallyAfterDays?: number; ScheduleExpression?: string; Duration?: string } = {};
  if (typeof schedule === 'string') {
    checkExpression(schedule, secretId);
    rules.ScheduleExpression = schedule;
  } else if (typeof schedule === 'object' && schedule !== null && typeof schedule.days === 'number') {
    checkDays(schedule.days, secretId);
    rules.AutomaticallyAfterDays = schedule.days;
  } else {
    throw invalid('A rotation schedule is required: rate(...), cron(...) or { days }.', secretId);
  }
  if (duration !== undefined) {
    const hours = DURATION.exec(duration);
    if (!hours || Number(hours[1]) < 1 || Number(hours[1]) > 24) {
      throw invalid('A rotation window must be written like "3h" (1h to 24h).', secretId);
    }
    rules.Duration = duration;
  }
  return rules;
}
