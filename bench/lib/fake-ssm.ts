/**
 * An in-process Parameter Store for the benchmarks, like fake-secrets-manager.ts: a custom
 * `requestHandler` on a real `SSMClient`, so the SDK's whole middleware stack runs and only the
 * network is replaced by a canned answer after a fixed delay. `maxAttempts: 1`: one `send` is
 * one request, and the counts are what each library asks for.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SSMClient } from '@aws-sdk/client-ssm';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const HEADERS = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'bench' };

/** The fake service; every parameter is a SecureString (decrypted on request). */
export class FakeSsm {
  readonly calls: Record<string, number> = { total: 0 };
  readonly #params = new Map<string, string>();
  constructor(readonly delayMs = 5) {}

  /** Creates a parameter. */
  put(name: string, value: string): this {
    this.#params.set(name, value);
    return this;
  }

  /** A real SDK client whose requests this fake answers. */
  client(): SSMClient {
    return new SSMClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDBENCHMARK', secretAccessKey: 'benchmark' },
      maxAttempts: 1,
      requestHandler: {
        handle: this.handle,
        updateHttpClientConfig: () => {},
        httpHandlerConfigs: () => ({}),
      },
    });
  }

  #param(name: string): Record<string, unknown> | undefined {
    const value = this.#params.get(name);
    return value === undefined ? undefined : { Name: name, Type: 'SecureString', Value: value, Version: 1 };
  }

  /** The request handler (an arrow function so the SDK can call it unbound). */
  readonly handle = async (
    request: { headers: Record<string, string | undefined>; body?: unknown },
    options?: { abortSignal?: AbortSignal | undefined },
  ): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Uint8Array } }> => {
    const target = request.headers['x-amz-target'] ?? '';
    const operation = target.slice(target.indexOf('.') + 1);
    this.calls.total = (this.calls.total ?? 0) + 1;
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
    await sleep(this.delayMs, undefined, options?.abortSignal ? { signal: options.abortSignal } : {});
    const body = request.body;
    const input = JSON.parse(typeof body === 'string' ? body : decoder.decode(body as Uint8Array)) as Record<
      string,
      unknown
    >;
    let out: unknown;
    if (operation === 'GetParameter') {
      const p = this.#param(String(input['Name']));
      if (p === undefined) {
        return {
          response: {
            statusCode: 400,
            headers: { ...HEADERS, 'x-amzn-errortype': 'ParameterNotFound' },
            body: encoder.encode(JSON.stringify({ __type: 'ParameterNotFound', message: '' })),
          },
        };
      }
      out = { Parameter: p };
    } else if (operation === 'GetParameters') {
      const names = (input['Names'] as string[]) ?? [];
      out = {
        Parameters: names.flatMap((n) => this.#param(n) ?? []),
        InvalidParameters: names.filter((n) => !this.#params.has(n)),
      };
    } else {
      out = {};
    }
    return { response: { statusCode: 200, headers: HEADERS, body: encoder.encode(JSON.stringify(out)) } };
  };
}
