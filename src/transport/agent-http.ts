/**
 * One GET to the local Agent with node:http (a keep-alive agent whose idle sockets never keep
 * the process alive), with a deadline and the caller's abort signal. Returns status and body,
 * or the network error's code. The token goes only into the request header.
 */
import { Agent, request } from 'node:http';

/** What the Agent answered, or how the connection failed. */
export type AgentHttpResult =
  | { readonly kind: 'answer'; readonly status: number; readonly body: string }
  | { readonly kind: 'network'; readonly code: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'aborted' };

const keepAlive = new Agent({ keepAlive: true, maxSockets: 16 });

/**
 * GETs `url` with the token header.
 *
 * @param url - the full request URL
 * @param headers - request headers (the token among them)
 * @param timeoutMs - deadline of the whole exchange
 * @param signal - the caller's abort signal
 */
export function agentGet(
  url: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<AgentHttpResult> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ kind: 'aborted' });
      return;
    }
    let settled = false;
    const finish = (result: AgentHttpResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const req = request(url, { method: 'GET', headers, agent: keepAlive }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        finish({ kind: 'answer', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', () => finish({ kind: 'network', code: 'ECONNRESET' }));
    });
    const onAbort = (): void => {
      req.destroy();
      finish({ kind: 'aborted' });
    };
    const timer = setTimeout(() => {
      req.destroy();
      finish({ kind: 'timeout' });
    }, timeoutMs);
    timer.unref?.();
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ kind: 'network', code: error.code ?? 'ECONNRESET' }),
    );
    req.end();
  });
}
