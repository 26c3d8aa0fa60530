/**
 * An in-process Secrets Manager for the benchmarks: a custom `requestHandler` on a real
 * `SecretsManagerClient`. The SDK's whole middleware stack runs (serialisation, SigV4 signing,
 * retry strategy, user agent, deserialisation, error parsing); only the network is replaced by a
 * canned JSON answer after a fixed delay. That way every library pays what a real call costs in
 * CPU, and a library that adds its own middleware (secretkit's user agent) is measured with it.
 * (A `finalizeRequest` middleware would skip signing and deserialisation, i.e. under-count.)
 *
 * `maxAttempts: 1`, so the SDK's own retries never run: one `send` is one HTTP request, and the
 * call counts are what each library asks for.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** How the fake answers. */
export type FakeMode = 'ok' | 'throttle' | 'network';

/** Counts of requests the fake received, by operation. */
export interface FakeCalls {
  total: number;
  GetSecretValue: number;
  BatchGetSecretValue: number;
  other: number;
}

/** The part of the SDK's HttpRequest the fake reads. */
interface RequestLike {
  readonly headers: Record<string, string | undefined>;
  readonly body?: unknown;
}

/** The response shape the SDK's deserialisers read (a structural HttpResponse). */
interface ResponseLike {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The request body as text: the SDK sends a string or bytes (a Uint8Array subclass). */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return decoder.decode(body);
  return body === undefined || body === null ? '{}' : String(body);
}
const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.1' };

/** A network-level failure, shaped like the one Node's http client raises. */
function networkError(): Error {
  return Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' });
}

/** Options of {@link FakeSecretsManager}. */
export interface FakeOptions {
  /** Delay of every answer (and failure), in ms. @defaultValue 5 */
  readonly delayMs?: number;
  /** Region of the ARNs. @defaultValue 'us-east-1' */
  readonly region?: string;
}

/**
 * The fake service. Secrets are plain strings; each successful read of a secret reports its
 * current version (bump it with {@link FakeSecretsManager.put}).
 */
export class FakeSecretsManager {
  readonly delayMs: number;
  readonly region: string;
  mode: FakeMode = 'ok';
  readonly calls: FakeCalls = { total: 0, GetSecretValue: 0, BatchGetSecretValue: 0, other: 0 };
  readonly #secrets = new Map<string, { value: string; version: number }>();

  constructor(options: FakeOptions = {}) {
    this.delayMs = options.delayMs ?? 5;
    this.region = options.region ?? 'us-east-1';
  }

  /** Creates or updates a secret (a new version each time). */
  put(name: string, value: string): this {
    const old = this.#secrets.get(name);
    this.#secrets.set(name, { value, version: (old?.version ?? 0) + 1 });
    return this;
  }

  /** Resets the call counters. */
  resetCalls(): void {
    this.calls.total = 0;
    this.calls.GetSecretValue = 0;
    this.calls.BatchGetSecretValue = 0;
    this.calls.other = 0;
  }

  /** SDK client options that route every request to this fake. */
  clientConfig(): {
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    maxAttempts: number;
    requestHandler: {
      handle: FakeSecretsManager['handle'];
      updateHttpClientConfig(): void;
      httpHandlerConfigs(): object;
    };
  } {
    return {
      region: this.region,
      credentials: { accessKeyId: 'AKIDBENCHMARK', secretAccessKey: 'benchmark' },
      maxAttempts: 1,
      requestHandler: {
        handle: this.handle,
        updateHttpClientConfig: () => {},
        httpHandlerConfigs: () => ({}),
      },
    };
  }

  /** A real SDK client whose requests this fake answers. */
  client(): SecretsManagerClient {
    return new SecretsManagerClient(this.clientConfig());
  }

  /** The request handler (an arrow function so the SDK can call it unbound). */
  readonly handle = async (
    request: RequestLike,
    options?: { abortSignal?: AbortSignal | undefined },
  ): Promise<{ response: ResponseLike }> => {
    const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'] ?? '';
    const operation = target.slice(target.indexOf('.') + 1);
    this.calls.total++;
    if (operation === 'GetSecretValue' || operation === 'BatchGetSecretValue') this.calls[operation]++;
    else this.calls.other++;
    const mode = this.mode; // the mode when the request was sent
    // delayMs 0 answers on the next microtask: no timer, so CPU measurements see only the SDK's work.
    if (this.delayMs > 0)
      await sleep(this.delayMs, undefined, options?.abortSignal ? { signal: options.abortSignal } : {});
    else await Promise.resolve();
    if (mode === 'network') throw networkError();
    if (mode === 'throttle') return this.#error(400, 'ThrottlingException', 'Rate exceeded');
    const input = JSON.parse(bodyText(request.body)) as Record<string, unknown>;
    if (operation === 'GetSecretValue') return this.#getSecretValue(String(input['SecretId']));
    if (operation === 'BatchGetSecretValue') {
      const ids = Array.isArray(input['SecretIdList']) ? input['SecretIdList'].map(String) : [];
      return this.#batchGetSecretValue(ids);
    }
    return this.#error(400, 'InvalidRequestException', `The fake does not implement ${operation}.`);
  };

  #arn(name: string): string {
    return `arn:aws:secretsmanager:${this.region}:123456789012:secret:${name}-AbCdEf`;
  }

  #entry(name: string): Record<string, unknown> | undefined {
    const secret =
      this.#secrets.get(name) ?? this.#secrets.get(name.replace(/^arn:.*:secret:|-[A-Za-z0-9]{6}$/g, ''));
    if (!secret) return undefined;
    return {
      ARN: this.#arn(name),
      Name: name,
      VersionId: `00000000-0000-4000-8000-${String(secret.version).padStart(12, '0')}`,
      SecretString: secret.value,
      VersionStages: ['AWSCURRENT'],
      CreatedDate: 1_700_000_000 + secret.version,
    };
  }

  #getSecretValue(name: string): { response: ResponseLike } {
    const entry = this.#entry(name);
    if (!entry) {
      return this.#error(
        400,
        'ResourceNotFoundException',
        "Secrets Manager can't find the specified secret.",
      );
    }
    return this.#ok(entry);
  }

  #batchGetSecretValue(ids: readonly string[]): { response: ResponseLike } {
    const values: Record<string, unknown>[] = [];
    const errors: Record<string, unknown>[] = [];
    for (const id of ids) {
      const entry = this.#entry(id);
      if (entry) values.push(entry);
      else
        errors.push({
          SecretId: id,
          ErrorCode: 'ResourceNotFoundException',
          Message: "Secrets Manager can't find the specified secret.",
        });
    }
    return this.#ok({ SecretValues: values, Errors: errors });
  }

  #ok(body: unknown): { response: ResponseLike } {
    return {
      response: {
        statusCode: 200,
        headers: { ...JSON_HEADERS, 'x-amzn-requestid': 'bench' },
        body: encoder.encode(JSON.stringify(body)),
      },
    };
  }

  #error(status: number, type: string, message: string): { response: ResponseLike } {
    return {
      response: {
        statusCode: status,
        headers: { ...JSON_HEADERS, 'x-amzn-requestid': 'bench', 'x-amzn-errortype': type },
        body: encoder.encode(JSON.stringify({ __type: type, message })),
      },
    };
  }
}
