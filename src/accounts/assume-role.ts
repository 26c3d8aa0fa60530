/**
 * Credentials of an IAM role, from STS AssumeRole: cached, refreshed before they expire (one
 * AssumeRole in flight however many callers), and a denial surfaced as `ACCESS_DENIED` naming
 * the role, never masked by older credentials.
 */
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { Clock } from '../cache/clock.js';
import { toSecretkitError } from '../errors/aws-error.js';
import { classifyFault } from '../errors/classify.js';
import { isSecretkitError, SecretkitError } from '../errors/secretkit-error.js';
import { awsCall } from '../ssm/aws-call.js';
import { parseRoleArn } from './role-arn.js';

/** Anything with the STS SDK client's `send`. */
export type STSClientLike = Pick<STSClient, 'send'>;

/** Temporary credentials, in the shape the AWS SDK's `credentials` option takes. */
export interface RoleCredentials {
  /** The access key id. */
  readonly accessKeyId: string;
  /** The secret access key. */
  readonly secretAccessKey: string;
  /** The session token. */
  readonly sessionToken: string;
  /** When they expire. */
  readonly expiration: Date;
}

/** Options of {@link assumeRoleCredentials}. */
export interface AssumeRoleCredentialsOptions {
  /** The role to assume. */
  readonly roleArn: string;
  /** Returns the STS client to call (created lazily by the caller). */
  readonly sts: () => STSClientLike;
  /** Session name (CloudTrail shows it). @defaultValue `secretkit` */
  readonly sessionName?: string | undefined;
  /** Credential lifetime, 900–43200 s. @defaultValue 3600 */
  readonly durationSeconds?: number | undefined;
  /** The external id the role's trust policy requires, if any. */
  readonly externalId?: string | undefined;
  /** Refresh this long before expiry. @defaultValue 300_000 (5 minutes) */
  readonly refreshBeforeMs?: number | undefined;
  /** Deadline of one AssumeRole. @defaultValue 3_000 */
  readonly timeoutMs?: number | undefined;
  /** Time source. @defaultValue Date.now */
  readonly clock?: Clock | undefined;
  /** Aborts a call in flight (the owner's close). */
  readonly closeSignal?: AbortSignal | undefined;
  /** Called once per AssumeRole call. */
  readonly onCall?: (() => void) | undefined;
}

function denial(roleArn: string, error: unknown): SecretkitError {
  const mapped = toSecretkitError(error, { operation: 'AssumeRole' });
  if (mapped.code !== 'ACCESS_DENIED') {
    return new SecretkitError(mapped.code, `AssumeRole of role "${roleArn}" failed: ${mapped.message}`, {
      cause: error,
      details: { operation: 'AssumeRole', roleArn },
    });
  }
  return new SecretkitError(
    'ACCESS_DENIED',
    `AssumeRole of role "${roleArn}" was denied: the caller needs sts:AssumeRole on it, and the role's trust policy must allow the caller.`,
    { cause: error, details: { operation: 'AssumeRole', roleArn } },
  );
}

/**
 * A credentials provider for the SDK's `credentials` option that assumes `roleArn`.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` for a malformed role ARN or option (synchronously, at creation)
 * @returns the provider; each call resolves to valid credentials or rejects with `ACCESS_DENIED`
 *   (naming the role) or a fault code
 */
export function assumeRoleCredentials(options: AssumeRoleCredentialsOptions): () => Promise<RoleCredentials> {
  const { roleArn } = options;
  parseRoleArn(roleArn);
  const duration = options.durationSeconds ?? 3600;
  if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
    throw new SecretkitError('INVALID_ARGUMENT', 'durationSeconds must be an integer in 900-43200.', {
      details: { option: 'durationSeconds' },
    });
  }
  const refreshBeforeMs = options.refreshBeforeMs ?? 300_000;
  if (!Number.isFinite(refreshBeforeMs) || refreshBeforeMs < 0 || refreshBeforeMs >= duration * 1000) {
    throw new SecretkitError('INVALID_ARGUMENT', 'refreshBeforeMs must be in [0, durationSeconds * 1000).', {
      details: { option: 'refreshBeforeMs' },
    });
  }
  const clock = options.clock ?? { now: Date.now };
  let current: RoleCredentials | undefined;
  let flight: Promise<RoleCredentials> | undefined;

  const fetch = async (): Promise<RoleCredentials> => {
    try {
      const out = await awsCall(
        {
          operation: 'AssumeRole',
          timeoutMs: options.timeoutMs ?? 3_000,
          closeSignal: options.closeSignal,
          onCall: options.onCall,
        },
        (abortSignal) =>
          options.sts().send(
            new AssumeRoleCommand({
              RoleArn: roleArn,
              RoleSessionName: options.sessionName ?? 'secretkit',
              DurationSeconds: duration,
              ...(options.externalId !== undefined ? { ExternalId: options.externalId } : {}),
            }),
            { abortSignal },
          ),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw new SecretkitError('AWS_ERROR', `AssumeRole of role "${roleArn}" returned no credentials.`, {
          details: { operation: 'AssumeRole', roleArn },
        });
      }
      // Expiry by our clock: the lifetime we asked for, capped by the one STS gave.
      const given = c.Expiration instanceof Date ? c.Expiration.getTime() - Date.now() : duration * 1000;
      const lifetime = Math.min(duration * 1000, Math.max(0, given));
      current = {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: new Date(clock.now() + lifetime),
      };
      return current;
    } catch (error) {
      if (isSecretkitError(error) && error.code === 'CLIENT_CLOSED') throw error;
      throw denial(roleArn, error);
    }
  };

  // The SDK memoizes a provider by `expiration` (by the real clock, asking again within 5 minutes
  // of it). The expiry decision is ours (our clock, `refreshBeforeMs`), so the SDK is told a date
  // that makes it ask again on its next request; answering from `current` costs no call.
  const forSdk = (c: RoleCredentials): RoleCredentials => ({
    ...c,
    expiration: new Date(Math.min(c.expiration.getTime(), Date.now() + 300_001)),
  });

  const get = async (): Promise<RoleCredentials> => {
    const now = clock.now();
    if (current !== undefined && now < current.expiration.getTime() - refreshBeforeMs) return current;
    flight ??= fetch().finally(() => {
      flight = undefined;
    });
    try {
      return await flight;
    } catch (error) {
      // A fault while refreshing: credentials still valid keep working. A denial is never masked.
      const kept = current;
      if (
        kept !== undefined &&
        clock.now() < kept.expiration.getTime() &&
        classifyFault(error) !== 'answer'
      ) {
        return kept;
      }
      if (classifyFault(error) === 'answer' && !isSecretkitError(error, 'CLIENT_CLOSED')) current = undefined;
      throw error;
    }
  };

  return async () => forSdk(await get());
}
