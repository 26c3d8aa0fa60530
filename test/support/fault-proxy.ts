/**
 * A fault-injecting HTTP proxy for tests: sits on 127.0.0.1 (a free port) between an SDK
 * client and the emulator and, per test, passes requests through or simulates a regional
 * outage: refused connections, resets, a black hole, slow answers, 5xx and throttling.
 *
 * The mode is read when a request arrives (or, for `reset`, when a connection arrives), so
 * switching modes also applies to the SDK's kept-alive sockets.
 *
 * @example
 * ```ts
 * const proxy = await startFaultProxy(motoEndpoint());
 * const primary = new SecretsManagerClient({ ...emulatorConfig('us-east-1', proxy.endpoint) });
 * await proxy.setMode({ kind: 'blackhole' });
 * ...
 * await proxy.close();
 * ```
 */
import {
  Agent,
  type ClientRequest,
  createServer,
  type IncomingMessage,
  request,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';

/** What the proxy does with the next connections / requests. */
export type FaultMode =
  /** Forward to the target unchanged. */
  | { readonly kind: 'pass' }
  /** Close the listening socket: new connections fail with `ECONNREFUSED`; open sockets are destroyed. */
  | { readonly kind: 'refuse' }
  /** Accept connections and destroy them at once (`ECONNRESET` / socket hang up). */
  | { readonly kind: 'reset' }
  /** Accept and read requests, never answer. */
  | { readonly kind: 'blackhole' }
  /** Forward to the target after `ms` milliseconds. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Answer with an HTTP error status and an AWS JSON error body (`__type`, `message`). */
  | { readonly kind: 'error'; readonly status: number; readonly type: string; readonly message?: string }
  /** Answer like AWS throttling: HTTP 400, `ThrottlingException`, `x-amzn-errortype` header. */
  | { readonly kind: 'throttle' };

/** A running fault proxy. */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: point an SDK client's `endpoint` here. */
  readonly endpoint: string;
  /** The proxy's port (kept while refusing, so the endpoint stays valid). */
  readonly port: number;
  /** The current mode. */
  readonly mode: FaultMode;
  /** HTTP requests that reached the proxy (any mode but `refuse` / `reset`). */
  readonly requests: number;
  /** TCP connections accepted (including those destroyed in `reset` mode). */
  readonly connections: number;
  /** Switches mode; resolves once the listener is closed / reopened as the mode needs. */
  setMode(mode: FaultMode): Promise<void>;
  /** Sets `requests` and `connections` back to 0. */
  resetCounts(): void;
  /** Stops listening, destroys every socket, clears every timer. Idempotent. */
  close(): Promise<void>;
}

/** A 5xx answer as Secrets Manager sends it (`InternalServiceError`, HTTP 500). */
export const INTERNAL_ERROR: FaultMode = {
  kind: 'error',
  status: 500,
  type: 'InternalServiceError',
  message: 'injected internal error',
};

/** A 503 answer (`ServiceUnavailableException`). */
export const SERVICE_UNAVAILABLE: FaultMode = {
  kind: 'error',
  status: 503,
  type: 'ServiceUnavailableException',
  message: 'injected service unavailable',
};

function sendAwsError(res: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ __type: type, message });
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(body),
    'x-amzn-errortype': type,
    'x-amzn-requestid': '00000000-0000-4000-8000-000000000000',
  });
  res.end(body);
}

/**
 * Starts a proxy in front of `target` (e.g. the moto endpoint), in `pass` mode.
 *
 * @param target - `http://host:port` of the real endpoint
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const upstreamRequests = new Set<ClientRequest>();
  let mode: FaultMode = { kind: 'pass' };
  let requests = 0;
  let connections = 0;
  let listening = false;
  let closed = false;
  let port = 0;

  function forward(req: IncomingMessage, res: ServerResponse): void {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstreamRequests.add(out);
    out.on('close', () => upstreamRequests.delete(out));
    out.on('error', () => res.destroy());
    res.on('close', () => out.destroy());
    req.pipe(out);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    requests += 1;
    const current = mode;
    switch (current.kind) {
      case 'pass':
        forward(req, res);
        return;
      case 'refuse':
      case 'reset':
        req.socket.destroy();
        return;
      case 'blackhole':
        req.resume();
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) forward(req, res);
        }, current.ms);
        timers.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
        });
        return;
      }
      case 'error':
        req.resume();
        req.on('end', () => sendAwsError(res, current.status, current.type, current.message ?? current.type));
        return;
      case 'throttle':
        req.resume();
        req.on('end', () => sendAwsError(res, 400, 'ThrottlingException', 'Rate exceeded'));
        return;
    }
  }

  const server = createServer(handle);
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode.kind === 'reset' || mode.kind === 'refuse') socket.destroy();
  });

  function listen(on: number): Promise<void> {
    return new Promise((ok, fail) => {
      server.once('error', fail);
      server.listen(on, '127.0.0.1', () => {
        server.off('error', fail);
        const address = server.address();
        port = typeof address === 'object' && address ? address.port : on;
        listening = true;
        ok();
      });
    });
  }

  function stopListening(): Promise<void> {
    if (!listening) return Promise.resolve();
    listening = false;
    const done = new Promise<void>((ok) => server.close(() => ok()));
    for (const socket of sockets) socket.destroy();
    return done;
  }

  function destroyAll(): void {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const out of upstreamRequests) out.destroy();
    upstreamRequests.clear();
    for (const socket of sockets) socket.destroy();
  }

  await listen(0);

  return {
    get endpoint() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get mode() {
      return mode;
    },
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    async setMode(next: FaultMode) {
      if (closed) throw new Error('fault proxy is closed');
      mode = next;
      if (next.kind === 'refuse') {
        await stopListening();
        destroyAll();
      } else if (!listening) {
        await listen(port);
      }
    },
    resetCounts() {
      requests = 0;
      connections = 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopped = stopListening();
      destroyAll();
      await stopped;
      agent.destroy();
    },
  };
}
