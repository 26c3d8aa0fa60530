/**
 * The Agent transport against the STAND-IN (test/support/agent-standin.ts) in front of the
 * emulator: fallbacks (refused, not ready, 5xx, bad token) and what never falls back, the
 * stand-in's own TTL on a fake clock, the token's sources, and that the token never leaks.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  CreateSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { agentTransport } from '../../../src/fleet/index.js';
import { type SecretkitEvent, SecretsClient } from '../../../src/index.js';
import { agentTokenSource } from '../../../src/transport/agent-endpoint.js';
import { transportStats } from '../../../src/transport/select.js';
import { type AgentStandIn, startAgentStandIn } from '../../support/agent-standin.js';
import { emulatorConfig, smClient, useEmulator } from '../../support/aws.js';
import { codeOf } from '../../support/errors.js';

const TOKEN = 'tok-9f2c1e7a-never-print-me';

describe('Agent transport over the stand-in', () => {
  useEmulator();
  const open: { close(): unknown }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close();
  });

  async function standIn(
    extra: Partial<Parameters<typeof startAgentStandIn>[0]> = {},
  ): Promise<AgentStandIn> {
    const s = await startAgentStandIn({
      upstream: new SecretsManagerClient(emulatorConfig()),
      token: TOKEN,
      ...extra,
    });
    open.push(s);
    return s;
  }
  function client(endpoint: string, extra: Record<string, unknown> = {}): SecretsClient {
    const c = new SecretsClient({
      clientConfig: emulatorConfig(),
      transport: agentTransport({ endpoint, token: TOKEN, notReadyDelayMs: 1 }),
      ...extra,
    });
    open.push(c);
    return c;
  }
  async function freePort(): Promise<number> {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    return port;
  }

  it('falls back to the SDK when the Agent refuses the connection, then skips it for the cooldown', async () => {
    await smClient().send(new CreateSecretCommand({ Name: 'app/a', SecretString: 'v1' }));
    await smClient().send(new CreateSecretCommand({ Name: 'app/b', SecretString: 'v2' }));
    const events: SecretkitEvent[] = [];
    const secrets = client(`http://127.0.0.1:${await freePort()}`, {
      onEvent: (e: SecretkitEvent) => events.push(e),
    });
    expect(await secrets.getString('app/a')).toBe('v1');
    expect(await secrets.getString('app/b')).toBe('v2');
    expect(transportStats(secrets)).toMatchObject({
      agentServed: 0,
      sdkCalls: 2,
      fallbacks: { refused: 1, down: 1 },
    });
    expect(
      events.filter((e) => e.type === 'transport-fallback').map((e) => 'reason' in e && e.reason),
    ).toEqual(['refused', 'down']);
  });

  it('retries "not ready" a bounded number of times, then falls back; a ready Agent serves', async () => {
    await smClient().send(new CreateSecretCommand({ Name: 'app/a', SecretString: 'v1' }));
    const agent = await standIn({ notReadyRequests: 2 });
    const secrets = client(agent.url);
    expect(await secrets.getString('app/a')).toBe('v1');
    expect(transportStats(secrets)).toMatchObject({ agentServed: 1, notReadyRetries: 2, sdkCalls: 0 });
    agent.notReadyFor(10);
    expect(await secrets.getString('app/a', { forceRefresh: true })).toBe('v1');
    expect(transportStats(secrets)).toMatchObject({
      notReadyRetries: 5,
      fallbacks: { 'not-ready': 1 },
      sdkCalls: 1,
    });
  });

  it('falls back on a 5xx and on a bad token; never on an AWS answer', async () => {
    await smClient().send(new CreateSecretCommand({ Name: 'app/a', SecretString: 'v1' }));
    const agent = await standIn();
    agent.failing = true;
    const secrets = client(agent.url);
    expect(await secrets.getString('app/a')).toBe('v1');
    expect(transportStats(secrets)?.fallbacks).toEqual({ 'server-error': 1 });
    agent.failing = false;
    expect(await codeOf(secrets.getString('app/missing'))).toBe('NOT_FOUND');
    expect(transportStats(secrets)).toMatchObject({ agentAnswers: 1, sdkCalls: 1 });

    const badToken = new SecretsClient({
      clientConfig: emulatorConfig(),
      transport: agentTransport({ endpoint: agent.url, token: 'wrong' }),
    });
    open.push(badToken);
    expect(await badToken.getString('app/a')).toBe('v1');
    expect(transportStats(badToken)?.fallbacks).toEqual({ rejected: 1 });
  });

  it('the stand-in keeps its own TTL: a value put behind it shows only after its TTL (fake clock)', async () => {
    await smClient().send(new CreateSecretCommand({ Name: 'app/a', SecretString: 'v1' }));
    let now = 1_000_000;
    const agent = await standIn({ ttlMs: 60_000, now: () => now });
    const read = async () => {
      const r = await fetch(`${agent.url}/secretsmanager/get?secretId=app/a`, {
        headers: { 'X-Aws-Parameters-Secrets-Token': TOKEN },
      });
      return ((await r.json()) as { SecretString: string }).SecretString;
    };
    expect(await read()).toBe('v1');
    await smClient().send(new PutSecretValueCommand({ SecretId: 'app/a', SecretString: 'v2' }));
    now += 59_999;
    expect(await read()).toBe('v1');
    now += 1;
    expect(await read()).toBe('v2');
    expect(agent.upstreamCalls).toBe(2);
  });

  it('one shared Agent: many clients, one upstream call per secret within its TTL', async () => {
    await smClient().send(new CreateSecretCommand({ Name: 'app/a', SecretString: 'v1' }));
    const agent = await standIn();
    for (let i = 0; i < 5; i += 1) expect(await client(agent.url).getString('app/a')).toBe('v1');
    expect(agent.upstreamCalls).toBe(1);
  });

  it('reads the token from a file:// AWS_TOKEN (the install script layout), trimmed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skagent-'));
    writeFileSync(join(dir, 'awssmatoken'), `${TOKEN}\n`);
    const source = agentTokenSource(undefined, { AWS_TOKEN: `file://${join(dir, 'awssmatoken')}` });
    expect(source.get()).toBe(TOKEN);
    expect(agentTokenSource(undefined, { AWS_SESSION_TOKEN: 'session' }).get()).toBe('session');
    expect(agentTokenSource(undefined, { AWS_TOKEN: 'a', AWS_SESSION_TOKEN: 'b' }).get()).toBe('a');
  });

  it('never shows the token: not in errors, events, stats, inspect or JSON', async () => {
    await smClient().send(new CreateSecretCommand({ Name: 'app/a', SecretString: 'v1' }));
    const agent = await standIn();
    const events: SecretkitEvent[] = [];
    const logs: unknown[] = [];
    const logger = {
      warn: (...a: unknown[]) => logs.push(a),
      error: (...a: unknown[]) => logs.push(a),
      debug: (...a: unknown[]) => logs.push(a),
    };
    const secrets = client(agent.url, { onEvent: (e: SecretkitEvent) => events.push(e), logger });
    await secrets.getString('app/a');
    let error: unknown;
    try {
      await secrets.getString('app/missing');
    } catch (e) {
      error = e;
    }
    agent.failing = true;
    await secrets.getString('app/a', { forceRefresh: true });
    const seen = [
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      inspect(secrets, { depth: 10, showHidden: true }),
      JSON.stringify(secrets),
      JSON.stringify(events),
      inspect(logs, { depth: 10 }),
      JSON.stringify(transportStats(secrets)),
      inspect(agentTransport({ endpoint: agent.url, token: TOKEN }), { depth: 10, showHidden: true }),
      JSON.stringify(agentTransport({ endpoint: agent.url, token: TOKEN })),
    ].join('\n');
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain('v1');
  });
});
