/**
 * Shared set-up of the failover integration tests: a secret with replicas in moto, a fault
 * proxy in front of the primary region, real SDK clients, and a router with a manual clock
 * (the breaker's cool-down is advanced, not slept through).
 */
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { isFault } from '../../../src/errors/classify.js';
import { createRegionRouter } from '../../../src/failover/router.js';
import type { RegionResult, RegionRouter, RouterEvent } from '../../../src/failover/types.js';
import type { SecretsManagerClientLike } from '../../../src/sdk/client-like.js';
import { emulatorConfig, motoEndpoint } from '../../support/aws.js';
import type { FaultProxy } from '../../support/fault-proxy.js';

/** Primary and replica regions of the tests. */
export const PRIMARY = 'us-east-1';
export const REPLICAS = ['us-west-2', 'eu-west-1'] as const;

/** Settings small enough for tests, generous enough for a shared 2-core machine. */
export const REGION_TIMEOUT_MS = 1_000;
export const COOLDOWN_MS = 300;

/** A real SDK client for `region` at `endpoint`: one attempt, short connection timeout. */
export function sdkClient(region: string, endpoint: string): SecretsManagerClient {
  return new SecretsManagerClient({
    ...emulatorConfig(region, endpoint),
    requestHandler: { connectionTimeout: 500 },
  });
}

/** Creates `name` in the primary region with replicas; returns its ARN. */
export async function createReplicatedSecret(name: string, value: string): Promise<string> {
  const client = sdkClient(PRIMARY, motoEndpoint());
  try {
    const out = await client.send(
      new CreateSecretCommand({
        Name: name,
        SecretString: value,
        AddReplicaRegions: REPLICAS.map((Region) => ({ Region })),
      }),
    );
    if (out.ARN === undefined) throw new Error('CreateSecret returned no ARN');
    return out.ARN;
  } finally {
    client.destroy();
  }
}

/** A router whose primary client goes through `proxy`; replicas talk to moto directly. */
export interface FailoverHarness {
  readonly router: RegionRouter;
  readonly events: RouterEvent[];
  /** `send` calls on the primary region's client. */
  primarySends(): number;
  /** Moves the breaker's clock forward. */
  advance(ms: number): void;
  /** GetSecretValue of `id` (AWSCURRENT) through the router. */
  read(id: string): Promise<RegionResult<string | undefined>>;
  close(): void;
}

/**
 * Builds the router used by the outage tests.
 *
 * @param proxy - the fault proxy in front of the primary region
 * @param extra - router options to override (hedging, timeouts)
 */
export function failoverHarness(
  proxy: FaultProxy,
  extra: { readonly hedgeAfterMs?: number; readonly regionTimeoutMs?: number } = {},
): FailoverHarness {
  const events: RouterEvent[] = [];
  const clock = { t: Date.now(), now: () => clock.t };
  let sends = 0;
  const real = new Map<string, SecretsManagerClient>();
  const router = createRegionRouter({
    primaryRegion: PRIMARY,
    replicaRegions: REPLICAS,
    clientFactory: (region) => {
      const client = sdkClient(region, region === PRIMARY ? proxy.endpoint : motoEndpoint());
      real.set(region, client);
      if (region !== PRIMARY) return client;
      const send = (...args: unknown[]): Promise<unknown> => {
        sends += 1;
        return (client.send as (...a: unknown[]) => Promise<unknown>)(...args);
      };
      return { send } as unknown as SecretsManagerClientLike;
    },
    destroyClient: (region) => real.get(region)?.destroy(),
    regionTimeoutMs: extra.regionTimeoutMs ?? REGION_TIMEOUT_MS,
    hedgeAfterMs: extra.hedgeAfterMs,
    breakerFailureThreshold: 1,
    breakerCooldownMs: COOLDOWN_MS,
    isFault,
    clock,
    onEvent: (event) => events.push(event),
  });
  return {
    router,
    events,
    primarySends: () => sends,
    advance: (ms) => {
      clock.t += ms;
    },
    read: (id) =>
      router.read(
        async (a) =>
          (
            await a.client.send(
              new GetSecretValueCommand({ SecretId: a.idFor(id), VersionStage: 'AWSCURRENT' }),
              {
                abortSignal: a.signal,
              },
            )
          ).SecretString,
        { secretId: id },
      ),
    close: () => router.close(),
  };
}
