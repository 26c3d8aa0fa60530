/**
 * Options shared by the rotation handler and the driver.
 */
import type { SecretkitLogger } from '../../observe/logger.js';
import type { PasswordPolicy } from './password.js';

/** Options of a rotation run (handler or driver). */
export interface RotationOptions {
  /** How `ctx.generatePassword()` makes passwords. @defaultValue 32 characters, no `:/@"'\` */
  readonly password?: PasswordPolicy | undefined;
  /**
   * Receives progress and problems; never passwords. console, pino, winston, Powertools `Logger`,
   * bunyan, or anything with `info`/`warn` (called as the `logger` option of the client is:
   * fields first for pino and bunyan, message first for the others). @defaultValue none
   */
  readonly logger?: SecretkitLogger | undefined;
  /**
   * Fail with `ROTATION_NOT_ENABLED` unless DescribeSecret says rotation is enabled (AWS's templates' check).
   * @defaultValue true for the Lambda handler, false for `runRotation`
   */
  readonly requireRotationEnabled?: boolean | undefined;
}
