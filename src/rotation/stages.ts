/**
 * The staging labels Secrets Manager uses during rotation.
 */

/** The label of the version clients read by default. */
export const AWSCURRENT = 'AWSCURRENT';
/** The label of the version being created by a rotation in progress. */
export const AWSPENDING = 'AWSPENDING';
/** The label Secrets Manager moves onto the version AWSCURRENT was removed from. */
export const AWSPREVIOUS = 'AWSPREVIOUS';

/** The three staging labels of the rotation protocol. */
export type RotationStage = typeof AWSCURRENT | typeof AWSPENDING | typeof AWSPREVIOUS;
