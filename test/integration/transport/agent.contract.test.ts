/**
 * The Agent contract, in one suite. By default it runs against the STAND-IN
 * (test/support/agent-standin.ts) in front of the emulator. Point it at a real Secrets Manager
 * Agent or Lambda extension to check the stand-in's fidelity:
 *
 *   SECRETKIT_AGENT_URL=http://localhost:2773 SECRETKIT_AGENT_TOKEN="$(</var/run/awssmatoken)" \
 *   npx vitest run --project integration test/integration/transport/agent.contract.test.ts
 *
 * With a real Agent, secrets are created (and force-deleted) with the default SDK client, in the
 * account and region the Agent reads from.
 */

import { randomUUID } from 'node:crypto';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentTransport } from '../../../src/fleet/index.js';
import { SecretsClient } from '../../../src/index.js';
import { transportStats } from '../../../src/transport/select.js';
import { type AgentStandIn, startAgentStandIn } from '../../support/agent-standin.js';
import { emulatorConfig, motoEndpoint } from '../../support/aws.js';
import { expectCode } from '../../support/errors.js';

const REAL_URL = process.env['SECRETKIT_AGENT_URL'];
const REAL_TOKEN = process.env['SECRETKIT_AGENT_TOKEN'];
const real = REAL_URL !== undefined && REAL_TOKEN !== undefined;

interface Target {
  readonly url: string;
  readonly token: string;
  readonly admin: SecretsManagerClient;
  readonly standIn?: AgentStandIn;
}

let target: Target;
const created: string[] = [];

async function secret(value: string): Promise<string> {
  const name = `secretkit-contract/${randomUUID()}`;
  await target.admin.send(new CreateSecretCommand({ Name: name, SecretString: value }));
  created.push(name);
  return name;
}

function get(
  path: string,
  headers: Record<string, string> = { 'X-Aws-Parameters-Secrets-Token': target.token },
  method = 'GET',
) {
  return fetch(`${target.url}${path}`, { method, headers });
}

describe(`Agent contract (${real ? `real Agent at ${REAL_URL}` : 'stand-in'})`, () => {
  beforeAll(async () => {
    if (real) {
      target = { url: REAL_URL!, token: REAL_TOKEN!, admin: new SecretsManagerClient({}) };
      return;
    }
    // No per-test reset: names are unique, so the suite does not depend on a wiped emulator.
    const admin = new SecretsManagerClient(emulatorConfig());
    const token = `standin-${randomUUID()}`;
    const standIn = await startAgentStandIn({ upstream: new SecretsManagerClient(emulatorConfig()), token });
    target = { url: standIn.url, token, admin, standIn };
  });
  afterAll(async () => {
    for (const name of created.splice(0)) {
      await target.admin
        .send(new DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true }))
        .catch(() => {});
    }
    await target.standIn?.close();
  });

  it('answers /ping without a token', async () => {
    const res = await get('/ping', {});
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('healthy');
  });

  it('refuses a missing or wrong token with 403, a forwarded request with 400, a POST with 405', async () => {
    const name = await secret('v1');
    const q = `/secretsmanager/get?secretId=${encodeURIComponent(name)}`;
    expect((await get(q, {})).status).toBe(403);
    expect((await get(q, { 'X-Aws-Parameters-Secrets-Token': 'wrong' })).status).toBe(403);
    expect(
      (await get(q, { 'X-Aws-Parameters-Secrets-Token': target.token, 'X-Forwarded-For': '10.0.0.1' }))
        .status,
    ).toBe(400);
    expect((await get(q, { 'X-Aws-Parameters-Secrets-Token': target.token }, 'POST')).status).toBe(405);
  });

  it('reads a value as GetSecretValue JSON, by query and by path', async () => {
    const name = await secret('v1');
    const res = await get(`/secretsmanager/get?secretId=${encodeURIComponent(name)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ Name: name, SecretString: 'v1', VersionStages: ['AWSCURRENT'] });
    expect(typeof body['ARN']).toBe('string');
    expect(typeof body['VersionId']).toBe('string');
    expect(Number.isFinite(Number(body['CreatedDate']))).toBe(true);
    const byPath = await get(`/v1/${encodeURIComponent(name)}`);
    expect(((await byPath.json()) as { SecretString: string }).SecretString).toBe('v1');
  });

  it('rejects an unknown parameter, a missing secretId and a bad refreshNow with 400', async () => {
    expect((await get('/secretsmanager/get?secretId=x&nope=1')).status).toBe(400);
    expect((await get('/secretsmanager/get')).status).toBe(400);
    expect((await get('/secretsmanager/get?secretId=x&refreshNow=maybe')).status).toBe(400);
  });

  it('passes AWS errors through as {"__type","message"} with a 4xx', async () => {
    const res = await get(`/secretsmanager/get?secretId=secretkit-contract/missing-${randomUUID()}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { __type: string; message: string };
    expect(body.__type).toMatch(/ResourceNotFoundException$/);
    expect(typeof body.message).toBe('string');
  });

  it('serves from its own cache within its TTL; refreshNow=true reads the new version', async () => {
    const name = await secret('v1');
    const q = `/secretsmanager/get?secretId=${encodeURIComponent(name)}`;
    expect(((await (await get(q)).json()) as { SecretString: string }).SecretString).toBe('v1');
    await target.admin.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'v2' }));
    expect(((await (await get(q)).json()) as { SecretString: string }).SecretString).toBe('v1');
    expect(
      ((await (await get(`${q}&refreshNow=true`)).json()) as { SecretString: string }).SecretString,
    ).toBe('v2');
  });

  it('reads by versionStage and versionId', async () => {
    const name = await secret('v1');
    await target.admin.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'v2' }));
    const prev = (await (
      await get(`/secretsmanager/get?secretId=${encodeURIComponent(name)}&versionStage=AWSPREVIOUS`)
    ).json()) as {
      SecretString: string;
      VersionId: string;
    };
    expect(prev.SecretString).toBe('v1');
    const byId = (await (
      await get(`/secretsmanager/get?secretId=${encodeURIComponent(name)}&versionId=${prev.VersionId}`)
    ).json()) as {
      SecretString: string;
    };
    expect(byId.SecretString).toBe('v1');
  });

  it('secretkit over the Agent: values, NOT_FOUND passed through (no SDK fallback), forceRefresh → refreshNow', async () => {
    const name = await secret('v1');
    const sdk = real ? {} : emulatorConfig();
    const secrets = new SecretsClient({
      clientConfig: sdk,
      transport: agentTransport({ endpoint: target.url, token: target.token }),
    });
    try {
      expect(await secrets.getString(name)).toBe('v1');
      await expectCode(secrets.getString(`secretkit-contract/missing-${randomUUID()}`), 'NOT_FOUND');
      await target.admin.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'v2' }));
      expect(await secrets.getString(name)).toBe('v1');
      expect(await secrets.getString(name, { forceRefresh: true })).toBe('v2');
      const stats = transportStats(secrets);
      expect(stats).toMatchObject({ mode: 'agent', agentServed: 2, agentAnswers: 1, sdkCalls: 0 });
    } finally {
      secrets.close();
    }
  });

  it.skipIf(real)('uses the emulator behind the stand-in (sanity)', () => {
    expect(motoEndpoint()).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
