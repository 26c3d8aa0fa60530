/**
 * The libraries under comparison, behind one small interface so every scenario runs the same
 * code against each. Every candidate gets its own real SDK client answered by a
 * {@link FakeSecretsManager}, so API calls are counted per candidate.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import middy from '@middy/core';
import secretsManager from '@middy/secrets-manager';
import { clearCache } from '@middy/util';
import { build } from 'esbuild';
import { z } from 'zod';
import type { FakeSecretsManager } from './fake-secrets-manager.js';

/** The JSON secrets of the benchmark have this shape. */
export const DbSchema = z.object({ host: z.string(), user: z.string(), password: z.string() });
/** A JSON secret value matching {@link DbSchema}. */
export const DB_JSON = JSON.stringify({ host: 'db.internal', user: 'app', password: 'not-a-real-password' });

/** What each scenario needs from a library. */
export interface Candidate {
  /** A string read. */
  getString(id: string): Promise<unknown>;
  /** A JSON read (the library's JSON/transform/schema path). */
  getJson(id: string): Promise<unknown>;
  /** A JSON read without a schema, when the library has one apart (secretkit's `getJson(id)`). */
  getJsonNoSchema?(id: string): Promise<unknown>;
  /** Startup load of many secrets the library's own way (default: one get per id, concurrently). */
  loadMany(ids: readonly string[]): Promise<void>;
  /** Releases timers and clients. */
  close(): void;
}

/** Options every candidate is created with. */
export interface CandidateOptions {
  readonly fake: FakeSecretsManager;
  /** Cache TTL in ms (Powertools takes whole seconds: rounded up). */
  readonly ttlMs: number;
  /** The time source, for libraries that accept one (secretkit). Others read Date.now. */
  readonly now?: () => number;
}

/** A library, or why it cannot be measured in this run. */
export interface CandidateKind {
  /** Row label. */
  readonly name: string;
  /** Short id used in scenario code. */
  readonly id: CandidateId;
  /** Set when the library cannot be measured; rows then print "n/a (reason)". */
  readonly unavailable?: string;
  /** True when the candidate has no API calls of its own (a floor, not a library). */
  readonly floorOnly?: boolean;
  create(options: CandidateOptions): Candidate;
}

/** Ids of the candidates. */
export type CandidateId = 'floor' | 'map' | 'sdk' | 'powertools' | 'middy' | 'secretkit';

async function sdkString(client: SecretsManagerClient, id: string): Promise<string> {
  const out = await client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' }));
  if (out.SecretString === undefined) throw new Error(`${id} is not a string secret`);
  return out.SecretString;
}

async function loadEach(candidate: Pick<Candidate, 'getString'>, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => candidate.getString(id)));
}

/** The floor for any promise API: an `async` function around `Map.get` (values preset, no loads). */
const floor: CandidateKind = {
  name: '`async` fn around `Map.get` (floor)',
  id: 'floor',
  floorOnly: true,
  create({ fake }) {
    const strings = new Map<string, string>();
    const json = new Map<string, unknown>();
    const client = fake.client();
    const candidate: Candidate = {
      async getString(id) {
        const v = strings.get(id);
        if (v !== undefined) return v;
        const s = await sdkString(client, id);
        strings.set(id, s);
        return s;
      },
      async getJson(id) {
        const v = json.get(id);
        if (v !== undefined) return v;
        const parsed: unknown = JSON.parse(await sdkString(client, id));
        json.set(id, parsed);
        return parsed;
      },
      loadMany: (ids) => loadEach(candidate, ids),
      close: () => client.destroy(),
    };
    return candidate;
  },
};

/** The baseline: a plain Map with a `Date.now()` expiry check, loading through the SDK on a miss. */
const plainMap: CandidateKind = {
  name: 'plain `Map` + TTL (baseline)',
  id: 'map',
  create({ fake, ttlMs }) {
    const client = fake.client();
    const entries = new Map<string, { value: unknown; expires: number }>();
    async function get(key: string, id: string, parse: (s: string) => unknown): Promise<unknown> {
      const entry = entries.get(key);
      if (entry !== undefined && entry.expires > Date.now()) return entry.value;
      const value = parse(await sdkString(client, id));
      entries.set(key, { value, expires: Date.now() + ttlMs });
      return value;
    }
    const candidate: Candidate = {
      getString: (id) => get(`s:${id}`, id, (s) => s),
      getJson: (id) => get(`j:${id}`, id, (s) => JSON.parse(s)),
      loadMany: (ids) => loadEach(candidate, ids),
      close: () => client.destroy(),
    };
    return candidate;
  },
};

/** The raw SDK: every get is a `send`. */
const rawSdk: CandidateKind = {
  name: 'raw SDK `send` (no cache)',
  id: 'sdk',
  create({ fake }) {
    const client = fake.client();
    const candidate: Candidate = {
      getString: (id) => sdkString(client, id),
      getJson: async (id) => JSON.parse(await sdkString(client, id)),
      loadMany: (ids) => loadEach(candidate, ids),
      close: () => client.destroy(),
    };
    return candidate;
  },
};

/** Powertools Parameters' SecretsProvider (its own in-memory cache, `maxAge` in seconds). */
const powertools: CandidateKind = {
  name: 'Powertools `SecretsProvider`',
  id: 'powertools',
  create({ fake, ttlMs }) {
    const client = fake.client();
    const provider = new SecretsProvider({ awsSdkV3Client: client });
    const maxAge = Math.max(1, Math.ceil(ttlMs / 1000));
    const candidate: Candidate = {
      getString: (id) => provider.get(id, { maxAge }),
      getJson: (id) => provider.get(id, { maxAge, transform: 'json' }),
      loadMany: (ids) => loadEach(candidate, ids),
      close: () => {
        provider.clearCache();
        client.destroy();
      },
    };
    return candidate;
  },
};

/** A Lambda handler invocation: (event, context) => response. */
type Invoke = (event: unknown, context: unknown) => Promise<unknown>;

let middyCacheKeys = 0;
/**
 * `@middy/secrets-manager`: a "get" is one invocation of a middy-wrapped handler whose before
 * hook provides the secret (setToContext), as an app would use it. middy parses JSON itself.
 * Each instance has its own cache key (middy's cache is module-global) and clears it on close.
 */
const middyKind: CandidateKind = {
  name: '`@middy/secrets-manager` (invocation)',
  id: 'middy',
  create({ fake, ttlMs }) {
    const keys: string[] = [];
    const context = { getRemainingTimeInMillis: () => 30_000, functionName: 'bench' };
    const handlers = new Map<string, Invoke>();
    // One wrapped handler per set of secrets, like one Lambda function per configuration.
    function handlerFor(ids: readonly string[]): Invoke {
      const key = ids.join('\n');
      const existing = handlers.get(key);
      if (existing) return existing;
      const cacheKey = `bench-${++middyCacheKeys}`;
      keys.push(cacheKey);
      const fetchData: Record<string, string> = {};
      ids.forEach((id, i) => {
        fetchData[`s${i}`] = id;
      });
      const base = async (_event: unknown, ctx: object): Promise<unknown> =>
        (ctx as Record<string, unknown>)['s0'];
      const wrapped = middy(base, { timeoutEarlyInMillis: 0 }).use(
        secretsManager({
          fetchData,
          cacheKey,
          cacheExpiry: ttlMs,
          setToContext: true,
          disablePrefetch: true,
          awsClientOptions: fake.clientConfig(),
        }),
      ) as unknown as Invoke;
      handlers.set(key, wrapped);
      return wrapped;
    }
    return {
      getString: (id) => handlerFor([id])({}, { ...context }),
      getJson: (id) => handlerFor([id])({}, { ...context }),
      loadMany: async (ids) => {
        await handlerFor(ids)({}, { ...context });
      },
      close: () => clearCache(keys),
    };
  },
};

/** The part of secretkit's SecretsClient the benchmark uses. */
interface SecretkitClientLike {
  getString(id: string): Promise<string>;
  getJson(id: string, schema?: typeof DbSchema): Promise<unknown>;
  preload(ids: readonly string[]): Promise<unknown>;
  stats(): unknown;
  close(): void;
}
type SecretkitCtor = new (options: Record<string, unknown>) => SecretkitClientLike;

const SECRETS_CLIENT_TS = fileURLToPath(new URL('../../src/client/secrets-client.ts', import.meta.url));

/**
 * Loads secretkit's SecretsClient from src/, compiled the way the package is built (esbuild,
 * dependencies external, no `keepNames`): loading the .ts through tsx would add its `__name`
 * helper call to every function and closure, a cost the published package does not have. The
 * bundle goes to bench/results/build/ (ignored by git: the clone stays clean). Says why not when it cannot.
 */
export async function loadSecretkit(): Promise<{ ctor: SecretkitCtor } | { unavailable: string }> {
  if (!existsSync(SECRETS_CLIENT_TS)) return { unavailable: 'SecretsClient not built yet' };
  try {
    // Beside the repo's node_modules, so the external packages resolve; bench/results/ is ignored by git.
    const outdir = fileURLToPath(new URL('../results/build/', import.meta.url));
    mkdirSync(outdir, { recursive: true });
    const outfile = join(outdir, `secrets-client-${process.pid}.mjs`);
    await build({
      entryPoints: [SECRETS_CLIENT_TS],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    const mod: Record<string, unknown> = await import(pathToFileURL(outfile).href);
    rmSync(outfile, { force: true });
    const ctor = mod['SecretsClient'];
    if (typeof ctor !== 'function')
      return { unavailable: 'src/client/secrets-client.ts has no SecretsClient export' };
    return { ctor: ctor as SecretkitCtor };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { unavailable: `SecretsClient failed to load: ${reason}` };
  }
}

function secretkitKind(loaded: { ctor: SecretkitCtor } | { unavailable: string }): CandidateKind {
  const base = { name: '**secretkit** `SecretsClient`', id: 'secretkit' as const };
  if ('unavailable' in loaded) {
    return {
      ...base,
      unavailable: loaded.unavailable,
      create() {
        throw new Error(loaded.unavailable);
      },
    };
  }
  const Ctor = loaded.ctor;
  return {
    ...base,
    create({ fake, ttlMs, now }) {
      const client = fake.client();
      const secrets = new Ctor({
        client,
        region: fake.region,
        ttlMs,
        ...(now ? { clock: { now } } : {}),
      });
      return {
        getString: (id) => secrets.getString(id),
        getJson: (id) => secrets.getJson(id, DbSchema),
        getJsonNoSchema: (id) => secrets.getJson(id),
        loadMany: async (ids) => {
          await secrets.preload(ids);
        },
        close: () => {
          secrets.close();
          client.destroy();
        },
      };
    },
  };
}

/** Every candidate of this run, floor and baseline first. */
export async function candidates(): Promise<CandidateKind[]> {
  return [floor, plainMap, rawSdk, powertools, middyKind, secretkitKind(await loadSecretkit())];
}
