/**
 * Options shared by the rotation handler and the driver.
 */
import type { RotationLogger } from '../strategy.js';
import type { PasswordPolicy } from './password.js';

/** Options of a rotation run (handler or driver). */
export interface RotationOptions {
  /** How `ctx.generatePassword()` makes passwords. @defaultValue 32 characters, no `:/@"'\` */
  readonly password?: PasswordPolicy | undefined;
  /** Receives progress and problems; never passwords. @defaultValue none */
  readonly logger?: RotationLogger | undefined;
  /**
   * Fail with `ROTATION_NOT_ENABLED` unless DescribeSecret says rotation is enabled (AWS's templates' check).
   * @defaultValue true for the Lambda handler, false for `runRotation`
   */
  readonly requireRotationEnabled?: boolean | undefined;
}
