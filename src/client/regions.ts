/**
 * Turns the client options into per-region SDK clients: the user's own (`client` and
 * `replicaClients`) or clients secretkit creates from `clientConfig` (+ `regionClientConfig`),
 * lazily, with the secretkit user agent.
 */
import { SecretsManagerClient, type SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../errors/secretkit-error.js';
import { UNKNOWN_REGION } from '../failover/region-id.js';
import { checkRegionName } from '../options/region-name.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { addUserAgent, SECRETKIT_USER_AGENT } from '../sdk/user-agent.js';
import type { ClientSource } from './types.js';

/** The options regions and clients are resolved from (the reader's and the admin's alike). */
export type RegionSource = ClientSource & {
  /** The primary region. */
  readonly region?: string | undefined;
  /** Replica regions, in failover order. */
  readonly replicaRegions?: readonly string[] | undefined;
};

/** Per-region client handling for a {@link SecretsClient}. */
export interface RegionClients {
  /** The resolved primary region. */
  readonly primaryRegion: string;
  /** Replica regions, in failover order. */
  readonly replicaRegions: readonly string[];
  /** Returns the client of a region (creating it on first use). */
  clientFactory(region: string): SecretsManagerClientLike;
  /** Destroys a client secretkit created; leaves the user's alone. */
  destroyClient(region: string, client: SecretsManagerClientLike): void;
}

function envRegion(): string | undefined {
  return process.env['AWS_REGION'] || process.env['AWS_DEFAULT_REGION'] || undefined;
}

function checkObject(value: unknown, option: string): void {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new SecretkitError('INVALID_ARGUMENT', `${option} must be an object.`, { details: { option } });
  }
}

/** The user's own `customUserAgent` (a string or pairs), with secretkit's pair added. */
type UserAgentPairs = Exclude<SecretsManagerClientConfig['customUserAgent'], string | undefined>;
function withSecretkitAgent(own: SecretsManagerClientConfig['customUserAgent']): UserAgentPairs {
  if (own === undefined) return [SECRETKIT_USER_AGENT];
  return [...(typeof own === 'string' ? [[own] as [string]] : own), SECRETKIT_USER_AGENT];
}

/**
 * Resolves regions and the client factory from the options: the one place regions are
 * validated (names and distinctness).
 *
 * @throws SecretkitError `INVALID_ARGUMENT` for conflicting or missing options
 */
export function resolveRegionClients(options: RegionSource): RegionClients {
  const raw = options as {
    client?: unknown;
    clientConfig?: unknown;
    replicaClients?: Readonly<Record<string, SecretsManagerClientLike>>;
    regionClientConfig?: Readonly<Record<string, Partial<SecretsManagerClientConfig>>>;
  };
  if (raw.client !== undefined && raw.clientConfig !== undefined) {
    throw new SecretkitError('INVALID_ARGUMENT', 'Give either `client` or `clientConfig`, not both.');
  }
  if (raw.client !== undefined && typeof (raw.client as { send?: unknown }).send !== 'function') {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      '`client` must have a `send` method (an SDK SecretsManagerClient).',
    );
  }
  checkObject(raw.clientConfig, 'clientConfig');
  checkObject(raw.regionClientConfig, 'regionClientConfig');
  checkObject(raw.replicaClients, 'replicaClients');
  if (options.replicaRegions !== undefined && !Array.isArray(options.replicaRegions)) {
    throw new SecretkitError('INVALID_ARGUMENT', 'replicaRegions must be an array of region names.', {
      details: { option: 'replicaRegions' },
    });
  }
  const replicaRegions = [...(options.replicaRegions ?? [])];
  const configRegion =
    typeof (options.clientConfig as { region?: unknown } | undefined)?.region === 'string'
      ? (options.clientConfig as { region: string }).region
      : undefined;
  const primaryRegion = options.region ?? configRegion ?? envRegion();
  if (primaryRegion === undefined && replicaRegions.length > 0) {
    throw new SecretkitError('INVALID_ARGUMENT', '`region` is required when `replicaRegions` is set.');
  }
  if (primaryRegion !== undefined) checkRegionName(primaryRegion, 'region');
  for (const region of replicaRegions) checkRegionName(region, 'replicaRegions');
  if (new Set([primaryRegion, ...replicaRegions]).size !== replicaRegions.length + 1) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      '`replicaRegions` must not repeat a region or the primary region.',
    );
  }

  const userClient = options.client;
  if (userClient) {
    const replicaClients = options.replicaClients ?? {};
    for (const region of replicaRegions) {
      const replica = Object.hasOwn(replicaClients, region) ? replicaClients[region] : undefined;
      if (typeof (replica as { send?: unknown } | undefined)?.send !== 'function') {
        throw new SecretkitError(
          'INVALID_ARGUMENT',
          `With \`client\`, give \`replicaClients["${region}"]\` for each replica region (or use \`clientConfig\`).`,
        );
      }
    }
    addUserAgent(userClient);
    for (const c of Object.values(replicaClients)) addUserAgent(c);
    const primary = primaryRegion ?? UNKNOWN_REGION;
    return {
      primaryRegion: primary,
      replicaRegions,
      clientFactory: (region) =>
        region === primary || !Object.hasOwn(replicaClients, region)
          ? userClient
          : (replicaClients[region] ?? userClient),
      destroyClient: () => {},
    };
  }

  const base = options.clientConfig ?? {};
  const perRegion = options.regionClientConfig ?? {};
  return {
    primaryRegion: primaryRegion ?? UNKNOWN_REGION,
    replicaRegions,
    clientFactory: (region) =>
      new SecretsManagerClient({
        ...base,
        ...(Object.hasOwn(perRegion, region) ? perRegion[region] : undefined),
        ...(region === UNKNOWN_REGION ? {} : { region }),
        customUserAgent: withSecretkitAgent(base.customUserAgent),
      }),
    destroyClient: (_region, client) => (client as SecretsManagerClient).destroy(),
  };
}
