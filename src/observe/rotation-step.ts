/**
 * Publishes each rotation step on `secretkit:rotation:step` (secret id, step, strategy, outcome,
 * duration, error type). Never the token, a value or an error message.
 */
import { performance } from 'node:perf_hooks';
import { channels } from './channels.js';
import { errorTypeOf } from './error-type.js';

/** What is known of a step before it runs. */
export interface RotationStepInfo {
  /** The secret id of the rotation event. */
  readonly SecretId: string;
  /** The step. */
  readonly Step: string;
}

/**
 * Runs one rotation step and publishes how it ended, if anyone listens.
 *
 * @param event - the rotation event (only `SecretId` and `Step` are published)
 * @param strategy - the strategy's name
 * @param run - the step
 * @returns what `run` returns
 * @throws what `run` throws
 */
export async function traceRotationStep<T extends 'done' | 'skipped'>(
  event: RotationStepInfo,
  strategy: string,
  run: () => Promise<T>,
): Promise<T> {
  if (!channels.rotationStep.hasSubscribers) return run();
  const startedMs = performance.now();
  const base = { secretId: event.SecretId, step: event.Step, strategy };
  try {
    const outcome = await run();
    channels.rotationStep.publish({ ...base, outcome, durationMs: performance.now() - startedMs });
    return outcome;
  } catch (error) {
    channels.rotationStep.publish({
      ...base,
      outcome: 'error',
      durationMs: performance.now() - startedMs,
      errorType: errorTypeOf(error),
    });
    throw error;
  }
}
