/**
 * Turns the client options into per-region SDK clients: the user's own (`client` and
 * `replicaClients`) or clients secretkit creates from `clientConfig` (+ `regionClientConfig`),
 * lazily, with the secretkit user agent.
 */
import { SecretsManagerClient, type SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import { SecretkitError } from '../errors/secretkit-error.js';
import { UNKNOWN_REGION } from '../failover/region-id.js';
import type { SecretsManagerClientLike } from '../sdk/client-like.js';
import { addUserAgentMiddleware, SECRETKIT_USER_AGENT } from '../sdk/user-agent.js';
import type { SecretsClientOptions } from './types.js';

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

function checkRegion(region: string, option: string): void {
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) && !/^[a-z0-9-]{1,64}$/.test(region)) {
    throw new SecretkitError('INVALID_ARGUMENT', `${option}: "${region}" is not a region name.`);
  }
}

/** The user's own `customUserAgent` (a string or pairs), with secretkit's pair added. */
type UserAgentPairs = Exclude<SecretsManagerClientConfig['customUserAgent'], string | undefined>;
function withSecretkitAgent(own: SecretsManagerClientConfig['customUserAgent']): UserAgentPairs {
  if (own === undefined) return [SECRETKIT_USER_AGENT];
  return [...(typeof own === 'string' ? [[own] as [string]] : own), SECRETKIT_USER_AGENT];
}

/**
 * Resolves regions and the client factory from the options.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` for conflicting or missing options
 */
export function resolveRegionClients(options: SecretsClientOptions): RegionClients {
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
  const replicaRegions = [...(options.replicaRegions ?? [])];
  const configRegion =
    typeof (options.clientConfig as { region?: unknown } | undefined)?.region === 'string'
      ? (options.clientConfig as { region: string }).region
      : undefined;
  const primaryRegion = options.region ?? configRegion ?? envRegion();
  if (primaryRegion === undefined && replicaRegions.length > 0) {
    throw new SecretkitError('INVALID_ARGUMENT', '`region` is required when `replicaRegions` is set.');
  }
  if (primaryRegion !== undefined) checkRegion(primaryRegion, 'region');
  for (const region of replicaRegions) checkRegion(region, 'replicaRegions');
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
      if (!replicaClients[region]) {
        throw new SecretkitError(
          'INVALID_ARGUMENT',
          `With \`client\`, give \`replicaClients["${region}"]\` for each replica region (or use \`clientConfig\`).`,
        );
      }
    }
    addUserAgentMiddleware(userClient);
    for (const c of Object.values(replicaClients)) addUserAgentMiddleware(c);
    const primary = primaryRegion ?? UNKNOWN_REGION;
    return {
      primaryRegion: primary,
      replicaRegions,
      clientFactory: (region) => (region === primary ? userClient : (replicaClients[region] ?? userClient)),
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
        ...perRegion[region],
        ...(region === UNKNOWN_REGION ? {} : { region }),
        customUserAgent: withSecretkitAgent(base.customUserAgent),
      }),
    destroyClient: (_region, client) => (client as SecretsManagerClient).destroy(),
  };
}
