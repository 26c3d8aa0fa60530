/**
 * The event Secrets Manager sends a rotation function, and its validation.
 */
import { SecretkitError } from '../../errors/secretkit-error.js';

import { ROTATION_STEPS, type RotationEvent, type RotationStepName } from '../../sdk/rotation-event.js';

export { ROTATION_STEPS, type RotationEvent, type RotationStepName } from '../../sdk/rotation-event.js';

function field(event: Record<string, unknown>, name: string): string {
  const value = event[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new SecretkitError('INVALID_ARGUMENT', `The rotation event has no ${name}.`, {
      details: { field: name },
    });
  }
  return value;
}

/**
 * Checks that `event` is a rotation event (a known Step, a SecretId, a ClientRequestToken).
 *
 * @param event - what the Lambda was invoked with
 * @returns the event, typed
 * @throws SecretkitError `INVALID_ARGUMENT` naming the missing or invalid field
 */
export function parseRotationEvent(event: unknown): RotationEvent {
  if (typeof event !== 'object' || event === null) {
    throw new SecretkitError('INVALID_ARGUMENT', 'The rotation event must be an object.', {
      details: { field: 'event' },
    });
  }
  const e = event as Record<string, unknown>;
  const step = field(e, 'Step');
  const secretId = field(e, 'SecretId');
  const token = field(e, 'ClientRequestToken');
  if (!(ROTATION_STEPS as readonly string[]).includes(step)) {
    throw new SecretkitError('INVALID_ARGUMENT', `Unknown rotation step "${step}".`, {
      secretId,
      details: { field: 'Step', step },
    });
  }
  const rotationToken = typeof e['RotationToken'] === 'string' ? e['RotationToken'] : undefined;
  return {
    Step: step as RotationStepName,
    SecretId: secretId,
    ClientRequestToken: token,
    ...(rotationToken === undefined ? {} : { RotationToken: rotationToken }),
  };
}
