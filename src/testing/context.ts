/**
 * What a command handler gets: the shared store, the region the call went to, and the
 * fake's clock, randomness and error factory.
 */
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import type { ServiceErrors } from './errors.js';
import type { RandomSource } from './random.js';
import type { RotationLambda } from './rotation-lambda.js';
import type { SecretStore } from './store.js';

/** The environment of one command. */
export interface HandlerContext {
  /** All secrets (shared by every region). */
  readonly store: SecretStore;
  /** The region the command was sent to. */
  readonly region: string;
  /** The account every secret belongs to. */
  readonly accountId: string;
  /** Errors bound to this call's request id. */
  readonly errors: ServiceErrors;
  /** The fake's randomness. */
  readonly random: RandomSource;
  /** The most items a list page holds, whatever `MaxResults` asks (the service may return fewer). */
  readonly maxPageSize?: number | undefined;
  /** The current time. */
  now(): Date;
  /** A fresh version id (UUID). */
  newVersionId(): string;
  /** A fresh 6-character ARN suffix. */
  newSuffix(): string;
  /** The rotation function RotateSecret runs, when the user gave one. */
  readonly rotationLambda?: RotationLambda | undefined;
  /** Sends another command through the fake (used to run a rotation function). */
  readonly rotationClient: (region: string) => SecretsManagerClientLike;
}

/** A handler of one operation: takes the command input, returns the output without `$metadata`. */
export type Handler<I, O> = (ctx: HandlerContext, input: I) => O | Promise<O>;

/** The output of an SDK command without its `$metadata` (the dispatcher adds it). */
export type Output<T> = Omit<T, '$metadata'>;
