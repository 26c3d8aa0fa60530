/**
 * The event Secrets Manager invokes a rotation function with: an AWS shape, defined once here
 * and used by the rotation framework (secretkit/rotation) and the testing kit's rotation
 * simulation alike.
 */

/** The four steps of a rotation, in order. */
export const ROTATION_STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;

/** One step of a rotation. */
export type RotationStepName = (typeof ROTATION_STEPS)[number];

/** The event Secrets Manager invokes a rotation function with. */
export interface RotationEvent {
  /** Which step to run. */
  readonly Step: RotationStepName;
  /** The secret's ARN. */
  readonly SecretId: string;
  /** The rotation's token: the id of the AWSPENDING version. */
  readonly ClientRequestToken: string;
  /** Sent by Secrets Manager for newer rotations; not needed by the steps. */
  readonly RotationToken?: string | undefined;
}
