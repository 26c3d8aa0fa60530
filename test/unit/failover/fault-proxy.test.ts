import { createServer, request, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FaultProxy, SERVICE_UNAVAILABLE, startFaultProxy } from '../../support/fault-proxy.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One POST through the proxy with a fresh connection (no keep-alive), bounded by `timeoutMs`. */
function post(endpoint: string, body: string, timeoutMs = 2_000): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(
      `${endpoint}/`,
      { method: 'POST', agent: false, signal: AbortSignal.timeout(timeoutMs) },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

describe('fault proxy', () => {
  let target: Server;
  let targetEndpoint: string;
  let proxy: FaultProxy;

  beforeEach(async () => {
    target = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => res.end(`echo:${body}`));
    });
    await new Promise<void>((ok) => target.listen(0, '127.0.0.1', () => ok()));
    const address = target.address();
    targetEndpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    proxy = await startFaultProxy(targetEndpoint);
  });

  afterEach(async () => {
    await proxy.close();
    target.closeAllConnections();
    await new Promise<void>((ok) => target.close(() => ok()));
  });

  it('passes requests through and counts them', async () => {
    const got = await post(proxy.endpoint, 'hi');
    expect(got).toMatchObject({ status: 200, body: 'echo:hi' });
    expect(proxy.requests).toBe(1);
  });

  it('refuses connections, then accepts again on the same port', async () => {
    const { port } = proxy;
    await proxy.setMode({ kind: 'refuse' });
    await expect(post(proxy.endpoint, 'x')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await proxy.setMode({ kind: 'pass' });
    expect(proxy.port).toBe(port);
    expect((await post(proxy.endpoint, 'y')).body).toBe('echo:y');
  });

  it('resets connections at once', async () => {
    await proxy.setMode({ kind: 'reset' });
    await expect(post(proxy.endpoint, 'x')).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(proxy.connections).toBe(1);
  });

  it('black-holes: accepts and never answers', async () => {
    await proxy.setMode({ kind: 'blackhole' });
    const started = Date.now();
    await expect(post(proxy.endpoint, 'x', 300)).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(proxy.requests).toBe(1);
  });

  it('delays answers', async () => {
    await proxy.setMode({ kind: 'delay', ms: 200 });
    const started = Date.now();
    expect((await post(proxy.endpoint, 'd')).body).toBe('echo:d');
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });

  it('answers 5xx with an AWS JSON error', async () => {
    await proxy.setMode(SERVICE_UNAVAILABLE);
    const got = await post(proxy.endpoint, 'x');
    expect(got.status).toBe(503);
    expect(got.headers['x-amzn-errortype']).toBe('ServiceUnavailableException');
    expect(JSON.parse(got.body)).toMatchObject({ __type: 'ServiceUnavailableException' });
  });

  it('answers throttling like AWS', async () => {
    await proxy.setMode({ kind: 'throttle' });
    const got = await post(proxy.endpoint, 'x');
    expect(got.status).toBe(400);
    expect(got.headers['x-amzn-errortype']).toBe('ThrottlingException');
    expect(JSON.parse(got.body)).toMatchObject({ __type: 'ThrottlingException' });
  });

  it('close() ends pending black-holed and delayed requests', async () => {
    await proxy.setMode({ kind: 'blackhole' });
    const hung = post(proxy.endpoint, 'x', 5_000);
    await new Promise((r) => setTimeout(r, 50));
    await proxy.close();
    await expect(hung).rejects.toBeInstanceOf(Error);
    await expect(post(proxy.endpoint, 'x')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
