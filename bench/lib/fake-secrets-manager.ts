/**
 * An in-process Secrets Manager for the benchmarks: a custom `requestHandler` on a real
 * `SecretsManagerClient`. The SDK's whole middleware stack runs (serialisation, SigV4 signing,
 * retry strategy, user agent, deserialisation, error parsing); only the network is replaced.
 * That way every library pays what a real call costs in CPU, and a library that adds its own
 * middleware (secretkit's user agent) is measured with it. (A `finalizeRequest` middleware would
 * skip signing and deserialisation, i.e. under-count.)
 *
 * The handler is a thin HTTP adapter: it reads the operation from `X-Amz-Target` and the input
 * from the JSON body, sends that command to `secretkit/testing`'s `InMemorySecretsManager` (the
 * fake the tests use, parity-tested against moto), and writes its output, or its error as
 * `__type` + `message`, as the JSON the SDK's deserialiser reads. State and semantics (versions,
 * labels, ARNs, errors) are the in-memory fake's.
 *
 * `maxAttempts: 1`, so the SDK's own retries never run: one `send` is one HTTP request, and the
 * call counts are what each library asks for.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as sdk from '@aws-sdk/client-secrets-manager';
import { SecretsManagerClient, SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import { InMemorySecretsManager, SUPPORTED_OPERATIONS } from '../../src/testing/index.js';

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

type Send = (command: unknown, options?: { abortSignal?: AbortSignal | undefined }) => Promise<unknown>;
type CommandClass = new (input: unknown) => unknown;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.1' };
/** The in-memory fake's call log is not needed (the counters are here): dropped this often. */
const CALL_LOG_LIMIT = 1_024;

/** The request body as text: the SDK sends a string or bytes (a Uint8Array subclass). */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return decoder.decode(body);
  return body === undefined || body === null ? '{}' : String(body);
}

/** The SDK's command class of each operation the in-memory fake implements. */
const COMMANDS = new Map<string, CommandClass>(
  SUPPORTED_OPERATIONS.map((op) => [op, (sdk as unknown as Record<string, CommandClass>)[`${op}Command`]!]),
);

/** JSON of an SDK output: dates as epoch seconds, bytes as base64, `$metadata` left out. */
function outputJson(output: object): string {
  return JSON.stringify(output, function (this: Record<string, unknown>, key, value: unknown) {
    if (key === '$metadata') return undefined;
    const raw = this[key]; // before Date.prototype.toJSON ran
    if (raw instanceof Date) return raw.getTime() / 1000;
    if (raw instanceof Uint8Array) return Buffer.from(raw).toString('base64');
    return value;
  });
}

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
 * The fake service. Each successful read of a secret reports its current version (a new one
 * with {@link FakeSecretsManager.put}).
 */
export class FakeSecretsManager {
  readonly delayMs: number;
  readonly region: string;
  /** How the next requests are answered: `ok`, or the failure every one of them gets. */
  mode: FakeMode = 'ok';
  readonly calls: FakeCalls = { total: 0, GetSecretValue: 0, BatchGetSecretValue: 0, other: 0 };
  readonly #inMemory: InMemorySecretsManager;
  readonly #send: Send;
  readonly #names = new Set<string>();

  constructor(options: FakeOptions = {}) {
    this.delayMs = options.delayMs ?? 5;
    this.region = options.region ?? 'us-east-1';
    this.#inMemory = new InMemorySecretsManager({ region: this.region, seed: 1 });
    this.#send = this.#inMemory.send as unknown as Send;
  }

  /** Creates a secret, or puts a new AWSCURRENT version of it (the old one becomes AWSPREVIOUS). */
  put(name: string, value: string): this {
    if (this.#names.has(name)) this.#inMemory.simulateRotation(name, value);
    else {
      this.#inMemory.seed({ name, value });
      this.#names.add(name);
    }
    return this;
  }

  /** Resets the call counters. */
  resetCalls(): void {
    this.calls.total = 0;
    this.calls.GetSecretValue = 0;
    this.calls.BatchGetSecretValue = 0;
    this.calls.other = 0;
    this.#inMemory.resetCalls();
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
    if (this.calls.total % CALL_LOG_LIMIT === 0) this.#inMemory.resetCalls();
    const mode = this.mode; // the mode when the request was sent
    const input = JSON.parse(bodyText(request.body)) as Record<string, unknown>;
    if (typeof input['SecretBinary'] === 'string')
      input['SecretBinary'] = Buffer.from(input['SecretBinary'], 'base64');
    // No timer at delayMs 0: the answer comes within microtasks, so CPU measurements see only
    // the SDK's work (and the in-memory fake's, the same for every library).
    if (this.delayMs > 0)
      await sleep(this.delayMs, undefined, options?.abortSignal ? { signal: options.abortSignal } : {});
    const Command = COMMANDS.get(operation);
    if (!Command) return this.#error(400, 'UnknownOperationException', `Unknown operation ${operation}.`);
    // failNext then send, synchronously: this very call takes the failure.
    if (mode === 'throttle') this.#inMemory.failNext(1, 'throttle');
    else if (mode === 'network') this.#inMemory.failNext(1, networkError);
    try {
      const output = await this.#send(new Command(input), { abortSignal: options?.abortSignal });
      return this.#ok(outputJson(output as object), output);
    } catch (error) {
      if (error instanceof SecretsManagerServiceException) {
        return this.#error(error.$metadata.httpStatusCode ?? 400, error.name, error.message, error);
      }
      throw error; // network-level failures reach the SDK as its HTTP handler's would
    }
  };

  #ok(body: string, output: unknown): { response: ResponseLike } {
    return {
      response: {
        statusCode: 200,
        headers: { ...JSON_HEADERS, 'x-amzn-requestid': requestId(output) },
        body: encoder.encode(body),
      },
    };
  }

  #error(status: number, type: string, message: string, error?: unknown): { response: ResponseLike } {
    return {
      response: {
        statusCode: status,
        headers: { ...JSON_HEADERS, 'x-amzn-requestid': requestId(error), 'x-amzn-errortype': type },
        body: encoder.encode(JSON.stringify({ __type: type, message })),
      },
    };
  }
}

/** The request id the in-memory fake gave an answer or error. */
function requestId(answer: unknown): string {
  const id = (answer as { $metadata?: { requestId?: unknown } } | undefined)?.$metadata?.requestId;
  return typeof id === 'string' ? id : 'bench';
}
