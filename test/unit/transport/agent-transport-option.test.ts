/**
 * `agentTransport()` (secretkit/fleet), the opt-in Agent transport of issue #10: its settings
 * are checked when it is made, it shows nothing but `{ kind, mode }`, `auto` looks at the
 * environment per client, and behind it the client's forced reads and change events reach the
 * Agent as `refreshNow=true` (the stand-in's own cache shows it), while an SDK-transport client
 * takes the same events and forced reads without an Agent.
 */
import { existsSync } from 'node:fs';
import { inspect } from 'node:util';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentTransport, handleSecretEvent, transportStats } from '../../../src/fleet/index.js';
import { SecretsClient } from '../../../src/index.js';
import { AGENT_TOKEN_FILE } from '../../../src/transport/agent-endpoint.js';
import { startAgentStandIn } from '../../support/agent-standin.js';
import { rejectedOption } from '../../support/errors.js';
import { mockedSecretsManager } from '../../support/mock-sdk.js';
import { apiCallEvent } from '../../support/secret-events.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf';
const TOKEN = 'tok-unit-never-print-me';

const optionOf = rejectedOption;

describe('agentTransport()', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    [{ endpont: 'http://x' }, 'endpont'],
    [{ mode: 'sdk' }, 'mode'],
    [{ endpoint: 'https://localhost:2773' }, 'endpoint'],
    [{ endpoint: 'not a url' }, 'endpoint'],
    [{ endpoint: 2773 }, 'endpoint'],
    [{ token: 42 }, 'token'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ timeoutMs: 2 ** 31 }, 'timeoutMs'],
    [{ notReadyRetries: 1.5 }, 'notReadyRetries'],
    [{ notReadyDelayMs: -1 }, 'notReadyDelayMs'],
    [{ downCooldownMs: Number.NaN }, 'downCooldownMs'],
  ])('rejects %j when made, naming the setting', (settings, option) => {
    expect(optionOf(() => agentTransport(settings as never))).toBe(option);
  });

  it('rejects settings that are not an object', () => {
    expect(optionOf(() => agentTransport(null as never))).toBe('options');
  });

  it('is a frozen { kind, mode } that never shows its settings', () => {
    const made = agentTransport({ endpoint: 'http://127.0.0.1:9', token: TOKEN, mode: 'auto' });
    expect(Object.isFrozen(made)).toBe(true);
    expect(JSON.parse(JSON.stringify(made))).toEqual({ kind: 'agent', mode: 'auto' });
    expect(inspect(made, { showHidden: true, depth: 10 })).not.toContain(TOKEN);
    expect(agentTransport()).toMatchObject({ kind: 'agent', mode: 'agent' });
  });

  it("mode 'auto' uses the Agent when the environment shows one, per client", () => {
    const auto = agentTransport({ mode: 'auto' });
    vi.stubEnv('AWS_TOKEN', 'from-the-agent');
    const shown = new SecretsClient({ region: 'us-east-1', transport: auto });
    expect(transportStats(shown)?.mode).toBe('agent');
    shown.close();
    // An explicit endpoint or token counts as an Agent shown.
    vi.stubEnv('AWS_TOKEN', undefined);
    const explicit = new SecretsClient({
      region: 'us-east-1',
      transport: agentTransport({ mode: 'auto', endpoint: 'http://127.0.0.1:9' }),
    });
    expect(transportStats(explicit)?.mode).toBe('agent');
    explicit.close();
  });

  it.skipIf(existsSync(AGENT_TOKEN_FILE))("mode 'auto' stays on the SDK without an Agent", () => {
    for (const name of ['AWS_TOKEN', 'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_RUNTIME_API']) {
      vi.stubEnv(name, undefined);
    }
    const client = new SecretsClient({ region: 'us-east-1', transport: agentTransport({ mode: 'auto' }) });
    expect(transportStats(client)).toMatchObject({ mode: 'sdk', sdkCalls: 0 });
    client.close();
  });
});

/** A GetSecretValue answer with a new version (and value) on every read. */
function newVersionEachRead(): () => object {
  let n = 0;
  return () => {
    n += 1;
    return {
      ARN,
      Name: 'app/db',
      VersionId: `ver-${n}`,
      SecretString: `v${n}`,
      VersionStages: ['AWSCURRENT'],
    };
  };
}

describe('behind agentTransport(): refreshNow after forceRefresh and change events', () => {
  async function setUp() {
    const upstream = mockedSecretsManager();
    upstream.sm.on(GetSecretValueCommand).callsFake(newVersionEachRead());
    const standIn = await startAgentStandIn({ upstream: upstream.sdk, token: TOKEN });
    const fallback = mockedSecretsManager(); // answers nothing: any SDK call would fail the read
    return { standIn, fallback, transport: agentTransport({ endpoint: standIn.url, token: TOKEN }) };
  }

  it('forceRefresh and handleSecretEvent bypass the Agent cache once, for that client only', async () => {
    const { standIn, fallback, transport } = await setUp();
    const a = new SecretsClient({ client: fallback.sdk, region: 'us-east-1', transport });
    const b = new SecretsClient({ client: fallback.sdk, region: 'us-east-1', transport });
    try {
      expect(await a.getString('app/db')).toBe('v1');
      expect(await a.getString('app/db')).toBe('v1'); // the client's own cache
      expect(standIn.upstreamCalls).toBe(1);
      expect(await a.getString('app/db', { forceRefresh: true })).toBe('v2'); // refreshNow=true
      expect(standIn.upstreamCalls).toBe(2);

      const result = handleSecretEvent(a, apiCallEvent('PutSecretValue', 'app/db', ARN));
      expect(result).toMatchObject({ outcome: 'applied' });
      expect(result.dropped).toBeGreaterThan(0);
      expect(await a.getString('app/db')).toBe('v3'); // the event's refreshNow=true
      expect(standIn.upstreamCalls).toBe(3);

      // The other client shares the transport object, not the pending set: the Agent's cache.
      expect(await b.getString('app/db')).toBe('v3');
      // Consumed once: a plain reload of `a` is served by the Agent's cache.
      a.invalidate('app/db');
      expect(await a.getString('app/db')).toBe('v3');
      expect(standIn.upstreamCalls).toBe(3);
      expect(transportStats(a)).toMatchObject({ mode: 'agent', agentServed: 4, sdkCalls: 0 });
      expect(transportStats(b)).toMatchObject({ mode: 'agent', agentServed: 1, sdkCalls: 0 });
      expect(fallback.sm.calls()).toHaveLength(0);
    } finally {
      a.close();
      b.close();
      await standIn.close();
    }
  });

  it('an SDK-transport client takes the same event and forced read without an Agent', async () => {
    const { sdk, sm } = mockedSecretsManager();
    sm.on(GetSecretValueCommand).callsFake(newVersionEachRead());
    const client = new SecretsClient({ client: sdk, region: 'us-east-1' });
    try {
      expect(await client.getString('app/db')).toBe('v1');
      expect(await client.getString('app/db', { forceRefresh: true })).toBe('v2');
      expect(handleSecretEvent(client, apiCallEvent('PutSecretValue', 'app/db', ARN)).outcome).toBe(
        'applied',
      );
      expect(await client.getString('app/db')).toBe('v3');
      expect(transportStats(client)).toMatchObject({ mode: 'sdk', agentServed: 0, sdkCalls: 3 });
    } finally {
      client.close();
    }
  });
});
