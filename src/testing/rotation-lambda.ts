/**
 * The rotation function the fake's RotateSecret runs in place of a Lambda function.
 */
import type { SecretsManagerClientLike } from '../sdk/client-like.js';

/** The four steps of a Secrets Manager rotation, in order. */
export type RotationStep = 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';

/** The event Secrets Manager sends to a rotation Lambda function. */
export interface RotationEvent {
  /** The step to run. */
  readonly Step: RotationStep;
  /** The secret's ARN. */
  readonly SecretId: string;
  /** The id of the version being created (the rotation token). */
  readonly ClientRequestToken: string;
}

/**
 * A rotation function: called for each step with the event and a client of the fake for the
 * secret's region, exactly like a Lambda handler with its SDK client. Give it as
 * `new InMemorySecretsManager({ rotationLambda })`.
 */
export type RotationLambda = (event: RotationEvent, client: SecretsManagerClientLike) => Promise<void> | void;
