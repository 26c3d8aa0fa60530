/**
 * The SDK boundary (src/sdk/send.ts): counting, deadline, abort on close, the one
 * signature-expired retry, and error mapping, each once per call.
 */
import {
  GetSecretValueCommand,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isFault } from '../../../src/errors/classify.js';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import {
  CallScope,
  type CallSink,
  DEFAULT_CALL_TIMEOUT_MS,
  guard,
  type SendableClient,
  send,
  sendRouted,
} from '../../../src/sdk/send.js';

type Answer = (abortSignal: AbortSignal) => Promise<unknown>;

/** A client whose n-th `send` runs answers[n] (the last one repeats). */
function scripted(...answers: Answer[]): SendableClient & { signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  return {
    signals,
    send(_command: never, options?: never) {
      const { abortSignal } = options as unknown as { abortSignal: AbortSignal };
      signals.push(abortSignal);
      const answer = answers[Math.min(signals.length - 1, answers.length - 1)] as Answer;
      return answer(abortSignal);
    },
  };
}

const never: Answer = () => new Promise(() => undefined);
const ok: Answer = async () => ({ SecretString: 'x' });
const awsError = (name: string, status: number, attempts = 1): Answer => {
  return async () => {
    throw new SecretsManagerServiceException({
      name,
      $fault: status >= 500 ? 'server' : 'client',
      $metadata: { httpStatusCode: status, attempts },
      message: `${name} happened`,
    });
  };
};

const command = new GetSecretValueCommand({ SecretId: 'app/key' });

describe('send', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts each request once, with its operation and region', async () => {
    const calls: string[] = [];
    const out = await send(scripted(ok), command, {
      operation: 'GetSecretValue',
      region: 'eu-west-1',
      onCall: (op, region) => calls.push(`${op}@${region}`),
    });
    expect(out).toEqual({ SecretString: 'x' });
    expect(calls).toEqual(['GetSecretValue@eu-west-1']);
  });

  it('passes an abort signal to the SDK', async () => {
    const client = scripted(ok);
    await send(client, command, { operation: 'GetSecretValue', region: 'us-east-1' });
    expect(client.signals[0]).toBeInstanceOf(AbortSignal);
  });

  it('retries an expired signature once, counting both requests', async () => {
    const calls: string[] = [];
    const client = scripted(awsError('InvalidSignatureException', 400), ok);
    await send(client, command, {
      operation: 'GetSecretValue',
      region: 'us-east-1',
      onCall: (op) => calls.push(op),
    });
    expect(calls).toHaveLength(2);
  });

  it('does not retry an expired signature twice', async () => {
    const client = scripted(awsError('InvalidSignatureException', 400));
    const error = await send(client, command, { operation: 'GetSecretValue', region: 'us-east-1' }).catch(
      (e: unknown) => e,
    );
    expect(client.signals).toHaveLength(2);
    expect(isSecretkitError(error, 'ACCESS_DENIED') || isSecretkitError(error, 'AWS_ERROR')).toBe(true);
  });

  it('does not retry when the SDK already made several attempts (no multiplying retries)', async () => {
    const client = scripted(awsError('InvalidSignatureException', 400, 3), ok);
    await expect(
      send(client, command, { operation: 'GetSecretValue', region: 'us-east-1' }),
    ).rejects.toThrow();
    expect(client.signals).toHaveLength(1);
  });

  it('ends at its deadline with TIMEOUT and aborts the SDK call', async () => {
    vi.useFakeTimers();
    const client = scripted(never);
    const pending = send(client, command, {
      operation: 'PutSecretValue',
      region: 'us-east-1',
      timeoutMs: 250,
    });
    const settled = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(250);
    const error = await settled;
    expect(isSecretkitError(error, 'TIMEOUT')).toBe(true);
    expect(error).toMatchObject({
      region: 'us-east-1',
      details: { operation: 'PutSecretValue', timeoutMs: 250 },
    });
    expect(client.signals[0]?.aborted).toBe(true);
    expect(isFault(error)).toBe(true);
  });

  it('applies a default deadline when the caller names none', async () => {
    vi.useFakeTimers();
    const settled = send(scripted(never), command, { operation: 'DescribeSecret' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(DEFAULT_CALL_TIMEOUT_MS);
    expect(isSecretkitError(await settled, 'TIMEOUT')).toBe(true);
  });

  it('settles calls in flight with CLIENT_CLOSED when the scope closes', async () => {
    const scope = new CallScope();
    const client = scripted(never);
    const settled = send(client, command, { operation: 'UpdateSecret', region: 'us-east-1', scope }).catch(
      (e: unknown) => e,
    );
    scope.close();
    expect(isSecretkitError(await settled, 'CLIENT_CLOSED')).toBe(true);
    expect(client.signals[0]?.aborted).toBe(true);
    // and later calls in the scope never reach the SDK
    await expect(send(client, command, { operation: 'UpdateSecret', scope })).rejects.toMatchObject({
      code: 'CLIENT_CLOSED',
    });
    expect(client.signals).toHaveLength(1);
  });

  it("ends with the caller's signal (the region router's deadline) and keeps its reason", async () => {
    const controller = new AbortController();
    const settled = send(scripted(never), command, {
      operation: 'GetSecretValue',
      region: 'us-east-1',
      signal: controller.signal,
    }).catch((e: unknown) => e);
    const reason = new Error('router deadline');
    controller.abort(reason);
    const error = await settled;
    expect(isSecretkitError(error)).toBe(true);
  });

  it('maps errors once: LimitExceededException is an answer, not throttling', async () => {
    const error = await send(scripted(awsError('LimitExceededException', 400)), command, {
      operation: 'PutSecretValue',
      region: 'us-east-1',
      secretId: 'app/key',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', secretId: 'app/key', region: 'us-east-1' });
    expect(isFault(error)).toBe(false);
  });

  it('maps a throttled call to THROTTLED, a fault', async () => {
    const error = await send(scripted(awsError('ThrottlingException', 400)), command, {
      operation: 'GetSecretValue',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'THROTTLED' });
    expect(isFault(error)).toBe(true);
  });

  it('keeps a client-side message that carries no value (a missing region)', async () => {
    const error = await send(
      scripted(async () => {
        throw new Error('Region is missing');
      }),
      command,
      { operation: 'GetSecretValue', secretId: 'app/key' },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toContain('Region is missing');
  });
});

/** A sink that records its one outcome (and any second call, which must not happen). */
function recordingSink(): CallSink<unknown> & {
  outcomes: Array<['answered' | 'failed', unknown]>;
  done: Promise<void>;
} {
  const outcomes: Array<['answered' | 'failed', unknown]> = [];
  let settle: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (settle = resolve));
  return {
    outcomes,
    done,
    answered(value) {
      outcomes.push(['answered', value]);
      settle();
    },
    failed(error) {
      outcomes.push(['failed', error]);
      settle();
    },
  };
}

describe('sendRouted (the one-region miss path: the router is the sink)', () => {
  const routed = (signal: AbortSignal, calls: string[] = []) => ({
    operation: 'GetSecretValue',
    region: 'us-east-1',
    secretId: 'app/key',
    signal,
    settledBySignalOwner: true,
    onCall: (op: string, region: string) => calls.push(`${op}@${region}`),
  });

  it('gives the output to the sink once, counting the request, with the router signal as is', async () => {
    const client = scripted(ok);
    const signal = new AbortController().signal;
    const calls: string[] = [];
    const sink = recordingSink();
    sendRouted(client, command, routed(signal, calls), sink);
    await sink.done;
    expect(sink.outcomes).toEqual([['answered', { SecretString: 'x' }]]);
    expect(calls).toEqual(['GetSecretValue@us-east-1']);
    expect(client.signals).toEqual([signal]);
  });

  it('retries an expired signature once, then reports the mapped error', async () => {
    const client = scripted(awsError('InvalidSignatureException', 400));
    const calls: string[] = [];
    const sink = recordingSink();
    sendRouted(client, command, routed(new AbortController().signal, calls), sink);
    await sink.done;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toHaveLength(2);
    expect(sink.outcomes).toHaveLength(1);
    const [kind, error] = sink.outcomes[0] as ['failed', unknown];
    expect(kind).toBe('failed');
    expect(isSecretkitError(error)).toBe(true);
  });

  it('a retried expired signature that then answers gives the answer', async () => {
    const sink = recordingSink();
    sendRouted(
      scripted(awsError('InvalidSignatureException', 400), ok),
      command,
      routed(new AbortController().signal),
      sink,
    );
    await sink.done;
    expect(sink.outcomes).toEqual([['answered', { SecretString: 'x' }]]);
  });

  it('maps an AWS error once (NOT_FOUND is an answer, with the secret id)', async () => {
    const sink = recordingSink();
    sendRouted(
      scripted(awsError('ResourceNotFoundException', 400)),
      command,
      routed(new AbortController().signal),
      sink,
    );
    await sink.done;
    expect(sink.outcomes[0]?.[1]).toMatchObject({ code: 'NOT_FOUND', secretId: 'app/key' });
  });

  it('an aborted signal sends nothing and reports its reason; a throwing send is a failure, never a throw', async () => {
    const controller = new AbortController();
    controller.abort(new Error('router deadline'));
    const client = scripted(ok);
    const aborted = recordingSink();
    sendRouted(client, command, routed(controller.signal), aborted);
    await aborted.done;
    expect(client.signals).toHaveLength(0);
    expect(aborted.outcomes[0]?.[0]).toBe('failed');

    const throwing = recordingSink();
    const thrower: SendableClient = {
      send() {
        throw new Error('Region is missing');
      },
    };
    expect(() => sendRouted(thrower, command, routed(new AbortController().signal), throwing)).not.toThrow();
    await throwing.done;
    expect(throwing.outcomes[0]?.[1]).toMatchObject({
      message: expect.stringContaining('Region is missing'),
    });
  });

  it('runs the request through wrap when one is given', async () => {
    const wrapped: string[] = [];
    const sink = recordingSink();
    sendRouted(
      scripted(ok),
      command,
      {
        ...routed(new AbortController().signal),
        wrap: (operation, region, request, signal) => {
          wrapped.push(`${operation}@${region}`);
          return request(signal);
        },
      },
      sink,
    );
    await sink.done;
    expect(wrapped).toEqual(['GetSecretValue@us-east-1']);
    expect(sink.outcomes).toEqual([['answered', { SecretString: 'x' }]]);
  });
});

describe('guard', () => {
  it('runs a request the caller builds, with the same mapping', async () => {
    const error = await guard(awsError('ResourceNotFoundException', 400), {
      operation: 'DescribeSecret',
      secretId: 'gone',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND', secretId: 'gone' });
  });
});

describe('a garbled 200 body', () => {
  const secretValue = 'hunter2-garbled-value';
  function garbledClient(): SecretsManagerClient {
    return new SecretsManagerClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
      requestHandler: {
        handle: async () => ({
          response: {
            statusCode: 200,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: new TextEncoder().encode(`{"Name":"k","SecretString":"${secretValue}`),
          },
        }),
      } as never,
    });
  }

  it('is a fault (REGION_UNAVAILABLE), like a 5xx, and its cause holds no body', async () => {
    const client = garbledClient();
    const error = await send(client, command, { operation: 'GetSecretValue', region: 'us-east-1' }).catch(
      (e: unknown) => e,
    );
    client.destroy();
    expect(error).toMatchObject({ code: 'REGION_UNAVAILABLE' });
    expect(isFault(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain(secretValue);
    expect(String((error as Error).message)).not.toContain(secretValue);
    const cause = (error as { cause?: Record<string, unknown> }).cause;
    expect(JSON.stringify(cause ?? {})).not.toContain(secretValue);
    expect(String(cause?.['$responseBodyText'] ?? '')).not.toContain(secretValue);
  });
});
