/**
 * The SQS subscriber: long-polls a queue that EventBridge feeds with Secrets Manager events,
 * applies each event to the given SecretsClients (`handleSecretEvent`), and deletes every
 * message it processed (applied, ignored or malformed: a malformed event is dropped and counted,
 * never thrown into the loop). Faults back off exponentially with jitter. `close()` aborts the
 * long poll; sockets and timers are unref'd, so an idle subscriber keeps no process alive.
 * Needs `@aws-sdk/client-sqs` (an optional peer dependency). IAM: sqs:ReceiveMessage,
 * sqs:DeleteMessage, sqs:GetQueueAttributes (see `sqsSubscriberPolicy` in secretkit/iam).
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import {
  DeleteMessageBatchCommand,
  type DeleteMessageBatchCommandOutput,
  type Message,
  ReceiveMessageCommand,
  type ReceiveMessageCommandOutput,
  SQSClient,
  type SQSClientConfig,
} from '@aws-sdk/client-sqs';
import type { SecretsClient } from '../client/secrets-client.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import { fleetSend, type SendLike } from './aws-call.js';
import { handleSecretEvent, type SecretEventResult } from './handle-event.js';

/** Options of {@link subscribeToSecretEvents}. */
export interface SqsSubscriberOptions {
  /** The queue URL. */
  readonly queueUrl: string;
  /** The clients whose caches the events invalidate. */
  readonly clients: SecretsClient | readonly SecretsClient[];
  /** An SQS client (yours: its sockets are yours to unref), or a config for one secretkit creates. */
  readonly sqs?: SendLike | SQSClientConfig | undefined;
  /** Long-poll wait (0–20 s). @defaultValue 20 */
  readonly waitTimeSeconds?: number | undefined;
  /** Messages per receive (1–10). @defaultValue 10 */
  readonly maxMessages?: number | undefined;
  /** First backoff after a failed receive. @defaultValue 1_000 */
  readonly backoffBaseMs?: number | undefined;
  /** Backoff cap. @defaultValue 60_000 */
  readonly backoffMaxMs?: number | undefined;
  /** Called with each applied, ignored or malformed event (never a value). */
  readonly onEvent?: ((result: SecretEventResult) => void) | undefined;
  /** Called with each fault of the loop (it keeps polling). */
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** Counters of a subscriber. */
export interface SqsSubscriberStats {
  /** Receive calls made. */
  readonly polls: number;
  /** Messages received. */
  readonly received: number;
  /** Change events applied. */
  readonly applied: number;
  /** Events ignored (another source or event type). */
  readonly ignored: number;
  /** Malformed messages dropped. */
  readonly malformed: number;
  /** Messages deleted. */
  readonly deleted: number;
  /** Faults (receive or delete failed). */
  readonly faults: number;
}

/** A running subscriber. */
export interface SqsSubscriber {
  /** Counters. */
  stats(): SqsSubscriberStats;
  /** Resolves after the next receive completes and its messages are applied (tests, start-up). */
  nextPoll(): Promise<void>;
  /** Stops polling (aborts the long poll); resolves when the loop has ended. Idempotent. */
  close(): Promise<void>;
}

/** Sockets of secretkit's own SQS client never keep the process alive. */
function unrefAgent<T extends HttpAgent | HttpsAgent>(agent: T): T {
  agent.on('free', (socket: Socket) => socket.unref());
  const create = (agent as unknown as { createConnection: (...a: unknown[]) => Socket }).createConnection;
  (agent as unknown as { createConnection: (...a: unknown[]) => Socket }).createConnection = function (
    this: unknown,
    ...args: unknown[]
  ) {
    const socket = create.apply(this, args);
    socket.unref();
    return socket;
  };
  return agent;
}

function isSendLike(v: unknown): v is SendLike {
  return typeof (v as { send?: unknown } | undefined)?.send === 'function';
}

/** The event inside a message body: EventBridge → SQS directly, or via SNS (`Message`). */
function eventOf(message: Message): unknown {
  const body = message.Body ?? '';
  try {
    const parsed: unknown = JSON.parse(body);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { Type?: unknown }).Type === 'Notification'
    ) {
      return (parsed as { Message?: unknown }).Message;
    }
    return parsed;
  } catch {
    return body;
  }
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

/**
 * Starts polling.
 *
 * @param options - queue, clients, SQS client or config, timings, listeners
 * @throws SecretkitError `INVALID_ARGUMENT` for a missing queue URL or bad timings
 */
export function subscribeToSecretEvents(options: SqsSubscriberOptions): SqsSubscriber {
  if (typeof options.queueUrl !== 'string' || options.queueUrl.length === 0) {
    throw new SecretkitError('INVALID_ARGUMENT', '`queueUrl` is required.');
  }
  const wait = options.waitTimeSeconds ?? 20;
  const max = options.maxMessages ?? 10;
  if (!Number.isInteger(wait) || wait < 0 || wait > 20) {
    throw new SecretkitError('INVALID_ARGUMENT', '`waitTimeSeconds` must be an integer from 0 to 20.');
  }
  if (!Number.isInteger(max) || max < 1 || max > 10) {
    throw new SecretkitError('INVALID_ARGUMENT', '`maxMessages` must be an integer from 1 to 10.');
  }
  const base = options.backoffBaseMs ?? 1_000;
  const cap = options.backoffMaxMs ?? 60_000;
  let owned: SQSClient | undefined;
  let sqs: SendLike;
  if (isSendLike(options.sqs)) sqs = options.sqs;
  else {
    // The SDK builds its Node HTTP handler from these options (no direct @smithy dependency).
    owned = new SQSClient({
      ...(options.sqs ?? {}),
      requestHandler: {
        httpAgent: unrefAgent(new HttpAgent({ keepAlive: true })),
        httpsAgent: unrefAgent(new HttpsAgent({ keepAlive: true })),
      },
    });
    sqs = owned as unknown as SendLike;
  }
  const stop = new AbortController();
  const counts = { polls: 0, received: 0, applied: 0, ignored: 0, malformed: 0, deleted: 0, faults: 0 };
  let waiters: (() => void)[] = [];
  const fault = (error: unknown): void => {
    counts.faults += 1;
    try {
      options.onError?.(error);
    } catch {
      // a listener must not break the loop
    }
  };

  const apply = (message: Message): void => {
    const result = handleSecretEvent(options.clients, eventOf(message));
    counts[result.outcome] += 1;
    try {
      options.onEvent?.(result);
    } catch {
      // a listener must not break the loop
    }
  };

  const loop = async (): Promise<void> => {
    let failures = 0;
    while (!stop.signal.aborted) {
      try {
        counts.polls += 1;
        const out = await fleetSend<ReceiveMessageCommandOutput>(
          sqs,
          new ReceiveMessageCommand({
            QueueUrl: options.queueUrl,
            MaxNumberOfMessages: max,
            WaitTimeSeconds: wait,
          }),
          { signal: stop.signal, deadlineMs: (wait + 10) * 1000 },
        );
        const messages = out.Messages ?? [];
        counts.received += messages.length;
        for (const m of messages) apply(m);
        const entries = messages
          .filter((m) => m.ReceiptHandle !== undefined)
          .map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle as string }));
        if (entries.length > 0) {
          const del = await fleetSend<DeleteMessageBatchCommandOutput>(
            sqs,
            new DeleteMessageBatchCommand({ QueueUrl: options.queueUrl, Entries: entries }),
            { deadlineMs: 10_000 },
          );
          counts.deleted += del.Successful?.length ?? 0;
          if ((del.Failed?.length ?? 0) > 0)
            fault(new Error(`${del.Failed?.length} messages were not deleted`));
        }
        failures = 0;
      } catch (error) {
        if (stop.signal.aborted) break;
        fault(error);
        failures += 1;
        const ms = Math.min(cap, base * 2 ** (failures - 1));
        await sleep(ms / 2 + Math.random() * (ms / 2), stop.signal);
      }
      const ready = waiters;
      waiters = [];
      for (const w of ready) w();
    }
    for (const w of waiters.splice(0)) w();
  };
  const done = loop();

  return {
    stats: () => ({ ...counts }),
    nextPoll: () =>
      stop.signal.aborted ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
    async close() {
      stop.abort();
      await done;
      owned?.destroy();
    },
  };
}
