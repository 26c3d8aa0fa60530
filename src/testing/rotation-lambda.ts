/**
 * The rotation function the fake's RotateSecret runs in place of a Lambda function.
 */
import type { RotationEvent, RotationStepName } from '../sdk/rotation-event.js';

/** One step of a rotation (the same names as secretkit/rotation's `RotationStepName`). */
export type RotationStep = RotationStepName;
/** The rotation event: the one type, `RotationEvent` of secretkit/rotation. */
export type { RotationEvent } from '../sdk/rotation-event.js';

import type { SecretsManagerClientLike } from '../sdk/client-like.js';

/**
 * A rotation function: called for each step with the event and a client of the fake for the
 * secret's region, exactly like a Lambda handler with its SDK client. Give it as
 * `new InMemorySecretsManager({ rotationLambda })`.
 */
export type RotationLambda = (event: RotationEvent, client: SecretsManagerClientLike) => Promise<void> | void;
