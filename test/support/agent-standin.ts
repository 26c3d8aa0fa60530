/**
 * A STAND-IN for the Secrets Manager Agent / Parameters and Secrets Lambda extension, on
 * 127.0.0.1 in front of the emulator. It is not the Agent: it implements the documented contract
 * as read from the Agent's source (aws/aws-workload-credentials-provider, server.rs, parse.rs,
 * cache_manager.rs, utils.rs) so secretkit's Agent transport can be tested here, where the Agent
 * itself cannot be built. test/integration/transport/agent.contract.test.ts checks the stand-in
 * and can be pointed at a real Agent to check the stand-in's fidelity.
 *
 * Contract kept: GET only (405); `/ping` → "healthy" without a token; the token header
 * `X-Aws-Parameters-Secrets-Token` (403 "Bad Token"); `X-Forwarded-For` → 400 "Forwarded";
 * `/secretsmanager/get?secretId=&versionId=&versionStage=&refreshNow=` and `/v1/<id>`; unknown
 * parameter → 400; AWS errors as `{"__type","message"}` with AWS's status; internal → 500
 * `{"__type":"InternalFailure"}`; an in-memory cache with its own TTL (default 300 s) that
 * `refreshNow=true` bypasses. Extra, for tests: "not ready" answers for the first N requests
 * (the Lambda extension during init), an injectable clock, a kill switch for 5xx, counters.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** Options of the stand-in. */
export interface AgentStandInOptions {
  /** The Secrets Manager client it reads with (the emulator's). */
  readonly upstream: SecretsManagerClient;
  /** The SSRF token. */
  readonly token: string;
  /** Its cache TTL. @defaultValue 300_000 */
  readonly ttlMs?: number;
  /** Its time source. @defaultValue Date.now */
  readonly now?: () => number;
  /** Answer "not ready" to this many requests first. @defaultValue 0 */
  readonly notReadyRequests?: number;
}

/** A running stand-in. */
export interface AgentStandIn {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Requests received (pings included). */
  readonly requests: number;
  /** GetSecretValue calls made to the emulator. */
  readonly upstreamCalls: number;
  /** Answer 500 InternalFailure to every read while true. */
  failing: boolean;
  /** Answer "not ready" to the next `n` requests. */
  notReadyFor(n: number): void;
  /** Stops the server. */
  close(): Promise<void>;
}

interface Entry {
  readonly body: string;
  readonly at: number;
}

const KNOWN = new Set(['secretId', 'versionId', 'versionStage', 'refreshNow', 'roleArn']);

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Starts a stand-in Agent on 127.0.0.1 (a free port).
 *
 * @param options - upstream client, token, TTL, clock, readiness
 */
export async function startAgentStandIn(options: AgentStandInOptions): Promise<AgentStandIn> {
  const ttlMs = options.ttlMs ?? 300_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry>();
  let notReady = options.notReadyRequests ?? 0;
  const state = { requests: 0, upstreamCalls: 0, failing: false };

  const fetchValue = async (id: string, versionId?: string, stage?: string): Promise<[number, string]> => {
    state.upstreamCalls += 1;
    try {
      const out = await options.upstream.send(
        new GetSecretValueCommand({ SecretId: id, VersionId: versionId, VersionStage: stage }),
      );
      const body: Record<string, unknown> = {
        ARN: out.ARN,
        Name: out.Name,
        VersionId: out.VersionId,
        CreatedDate: out.CreatedDate ? (out.CreatedDate.getTime() / 1000).toFixed(3) : undefined,
      };
      if (out.SecretString !== undefined) body['SecretString'] = out.SecretString;
      if (out.SecretBinary !== undefined)
        body['SecretBinary'] = Buffer.from(out.SecretBinary).toString('base64');
      if (out.VersionStages !== undefined) body['VersionStages'] = out.VersionStages;
      return [200, JSON.stringify(body)];
    } catch (error) {
      const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      const status = e.$metadata?.httpStatusCode;
      if (!e.name || !e.message || status === undefined || status >= 500) {
        return [500, '{"__type":"InternalFailure"}'];
      }
      return [status, JSON.stringify({ __type: e.name, message: e.message })];
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    state.requests += 1;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/ping') return send(res, 200, 'healthy');
    if (notReady > 0) {
      notReady -= 1;
      return send(res, 400, 'not ready to serve traffic, please wait');
    }
    if (req.headers['x-forwarded-for'] !== undefined) return send(res, 400, 'Forwarded');
    if (req.headers['x-aws-parameters-secrets-token'] !== options.token) return send(res, 403, 'Bad Token');
    if (req.method !== 'GET') return send(res, 405, 'Not allowed');
    let secretId: string | undefined;
    if (url.pathname === '/secretsmanager/get') secretId = url.searchParams.get('secretId') ?? undefined;
    else if (url.pathname.startsWith('/v1/')) secretId = decodeURIComponent(url.pathname.slice(4));
    else return send(res, 404, 'Not found');
    let refreshNow = false;
    for (const [k, v] of url.searchParams) {
      if (!KNOWN.has(k) || (k === 'secretId' && url.pathname !== '/secretsmanager/get')) {
        return send(res, 400, `unknown parameter: ${k}`);
      }
      if (k === 'refreshNow') {
        const lower = v.toLowerCase();
        if (!['true', '1', 'false', '0'].includes(lower)) return send(res, 400, 'invalid refreshNow value');
        refreshNow = lower === 'true' || lower === '1';
      }
    }
    if (!secretId) return send(res, 400, 'missing parameter secretId');
    if (state.failing) return send(res, 500, '{"__type":"InternalFailure"}');
    const versionId = url.searchParams.get('versionId') ?? undefined;
    const stage = url.searchParams.get('versionStage') ?? undefined;
    const key = JSON.stringify([secretId, versionId, stage]);
    const hit = cache.get(key);
    if (!refreshNow && hit && now() - hit.at < ttlMs) return send(res, 200, hit.body);
    const [status, body] = await fetchValue(secretId, versionId, stage);
    if (status === 200) cache.set(key, { body, at: now() });
    return send(res, status, body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, '{"__type":"InternalFailure"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get upstreamCalls() {
      return state.upstreamCalls;
    },
    get failing() {
      return state.failing;
    },
    set failing(v: boolean) {
      state.failing = v;
    },
    notReadyFor(n: number) {
      notReady = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
