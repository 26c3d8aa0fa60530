/**
 * The Agent transport: a {@link SecretsManagerClientLike} whose `send` turns GetSecretValue into
 * a GET to the local Secrets Manager Agent or Parameters and Secrets Lambda extension, and hands
 * every other command to the SDK client. It sits below the cache: secretkit's typed reads,
 * validation, single-flight and in-process cache stay on top.
 *
 * Falls back to the SDK client when the Agent refuses the connection (and then skips it for
 * `downCooldownMs`), stays "not ready" past a short bounded retry, answers 5xx or 429, times out,
 * or rejects the request itself (bad token). An AWS answer passed through (NotFound,
 * AccessDenied, Throttling...) is thrown as the SDK would throw it, never retried on the SDK.
 */
import { GetSecretValueCommand, type GetSecretValueCommandOutput } from '@aws-sdk/client-secrets-manager';
import { secretNamesOf } from '../arn/secret-arn.js';
import type { Clock } from '../cache/clock.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { readAgentAnswer } from './agent-answer.js';
import { AGENT_TOKEN_HEADER, agentTokenSource } from './agent-endpoint.js';
import { agentGet } from './agent-http.js';
import type { TransportCounters } from './counters.js';
import { refreshNowRequested } from './refresh-now.js';
import type { AgentOptions, FallbackReason } from './types.js';

type Send = SecretsManagerClientLike['send'];
type SendOptions = { abortSignal?: AbortSignal } | undefined;

/** What the Agent transport needs. */
export interface AgentClientOptions extends AgentOptions {
  /** The Agent's base URL (resolved). */
  readonly endpoint: string;
  /** The client every non-read command, and every fallback, goes to. */
  readonly sdk: SecretsManagerClientLike;
  /** Counters (shared with the client's stats). */
  readonly counters: TransportCounters;
  /** Time source for the down cooldown. @defaultValue Date.now */
  readonly clock?: Clock | undefined;
  /** Names of secrets whose next Agent read must carry `refreshNow=true` (after a change event). */
  readonly refreshNext?: Set<string> | undefined;
  /** Waits between "not ready" retries. @defaultValue a timer (unref'd) */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
}

function isGetSecretValue(command: unknown): command is GetSecretValueCommand {
  if (command instanceof GetSecretValueCommand) return true;
  // Another copy of the SDK package: recognise the command by name and input.
  const c = command as { constructor?: { name?: string }; input?: { SecretId?: unknown } };
  return c?.constructor?.name === 'GetSecretValueCommand' && typeof c.input?.SecretId === 'string';
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref?.();
  });

/**
 * Creates the Agent transport.
 *
 * @param options - endpoint, token, timings, the SDK client to fall back to, counters
 */
export function createAgentTransport(options: AgentClientOptions): SecretsManagerClientLike {
  const token = agentTokenSource(options);
  const timeoutMs = options.timeoutMs ?? 2_000;
  const retries = options.notReadyRetries ?? 3;
  const delayMs = options.notReadyDelayMs ?? 50;
  const cooldownMs = options.downCooldownMs ?? 30_000;
  const now = options.clock ? () => options.clock!.now() : Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const { counters, sdk } = options;
  let downUntil = 0;

  const toSdk = (command: unknown, sendOptions: SendOptions): Promise<unknown> => {
    return (sdk.send as (c: unknown, o?: SendOptions) => Promise<unknown>)(command, sendOptions);
  };

  const fallback = (reason: FallbackReason, command: unknown, o: SendOptions, status?: number) => {
    counters.fallback(reason, 'GetSecretValue', status);
    return toSdk(command, o);
  };

  const read = async (command: GetSecretValueCommand, o: SendOptions): Promise<unknown> => {
    if (now() < downUntil) return fallback('down', command, o);
    const input = command.input;
    const query = new URLSearchParams({ secretId: input.SecretId ?? '' });
    if (input.VersionId !== undefined) query.set('versionId', input.VersionId);
    if (input.VersionStage !== undefined) query.set('versionStage', input.VersionStage);
    let refresh = refreshNowRequested();
    const pending = options.refreshNext;
    if (pending && pending.size > 0) {
      for (const name of secretNamesOf(input.SecretId ?? '')) if (pending.delete(name)) refresh = true;
    }
    if (refresh) query.set('refreshNow', 'true');
    const url = `${options.endpoint}/secretsmanager/get?${query.toString()}`;
    for (let attempt = 0; ; attempt += 1) {
      const secret = token.get();
      if (secret === undefined) return fallback('rejected', command, o);
      const result = await agentGet(url, { [AGENT_TOKEN_HEADER]: secret }, timeoutMs, o?.abortSignal);
      if (result.kind === 'aborted') {
        const error = new Error('The read was aborted before the Agent answered.');
        error.name = 'AbortError';
        throw error;
      }
      if (result.kind === 'timeout') return fallback('timeout', command, o);
      if (result.kind === 'network') {
        downUntil = now() + cooldownMs;
        return fallback('refused', command, o);
      }
      const verdict = readAgentAnswer(result.status, result.body);
      switch (verdict.kind) {
        case 'value':
          counters.agentServed += 1;
          return verdict.output satisfies GetSecretValueCommandOutput;
        case 'aws-error':
          counters.agentAnswers += 1;
          throw verdict.error;
        case 'server-error':
          return fallback('server-error', command, o, result.status);
        case 'rejected':
          token.reset(); // a rotated token file is read again next time
          return fallback('rejected', command, o, result.status);
        case 'not-ready':
          if (attempt >= retries) return fallback('not-ready', command, o, result.status);
          counters.notReadyRetries += 1;
          await sleep(delayMs * 2 ** attempt);
      }
    }
  };

  const send = ((command: unknown, sendOptions?: SendOptions) =>
    isGetSecretValue(command) ? read(command, sendOptions) : toSdk(command, sendOptions)) as unknown as Send;
  return { send };
}
