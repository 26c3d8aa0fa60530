/**
 * IAM role ARNs: validation and the account they belong to.
 */
import { describeInput } from '../arn/secret-name.js';
import { SecretkitError } from '../errors/secretkit-error.js';

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::([0-9]{12}):role\/[\w+=,.@/-]{1,512}$/;

/** A parsed role ARN. */
export interface RoleArnParts {
  /** The partition, e.g. `aws`. */
  readonly partition: string;
  /** The account that owns the role. */
  readonly accountId: string;
}

/**
 * Parses an IAM role ARN.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` when `roleArn` is not `arn:<partition>:iam::<12 digits>:role/<name>`
 */
export function parseRoleArn(roleArn: unknown): RoleArnParts {
  const match = typeof roleArn === 'string' ? ROLE_ARN.exec(roleArn) : null;
  if (!match) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `${describeInput(roleArn)} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>).`,
      { details: { option: 'roleArn' } },
    );
  }
  return { partition: match[1] as string, accountId: match[2] as string };
}
