/**
 * Shared pieces of the property tests of SecretsClient: a seeded generator, fault factories
 * whose consumption is observable, checks every error must pass, a model of what AWS held
 * (each staging label's history of versions), and a client wrapper that holds answers back.
 */
import { inspect } from 'node:util';
import { InternalServiceError, SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import { expect } from 'vitest';
import { isSecretkitError, type SecretkitErrorCode } from '../../../../src/index.js';
import type { InMemorySecretsManager } from '../../../../src/testing/index.js';
import { seededRandom } from '../../../../src/testing/index.js';

/** Every value in these tests contains this marker; no error, event or log may. */
export const MARK = 'ZQXSECRETVALUEZQX';

/** Every code of the documented `SecretkitErrorCode` union. */
export const ALL_CODES: ReadonlySet<SecretkitErrorCode> = new Set<SecretkitErrorCode>([
  'NOT_FOUND',
  'DELETED',
  'ACCESS_DENIED',
  'DECRYPTION_FAILURE',
  'NOT_A_STRING',
  'NOT_BINARY',
  'INVALID_JSON',
  'SCHEMA_MISMATCH',
  'THROTTLED',
  'REGION_UNAVAILABLE',
  'ALL_REGIONS_FAILED',
  'TIMEOUT',
  'LOAD_FAILED',
  'ALREADY_EXISTS',
  'REPLICA_WRITE',
  'INVALID_REQUEST',
  'INVALID_ARGUMENT',
  'INVALID_ARN',
  'INVALID_NAME',
  'VERSION_NOT_FOUND',
  'STAGE_NOT_FOUND',
  'ROTATION_NOT_ENABLED',
  'ROTATION_INVALID_TOKEN',
  'ROTATION_FAILED',
  'AUTH_RETRIES_EXHAUSTED',
  'CLIENT_CLOSED',
  'AWS_ERROR',
]);

/** Codes of faults (the service or the path to it failed). */
export const FAULT_CODES: ReadonlySet<string> = new Set([
  'THROTTLED',
  'REGION_UNAVAILABLE',
  'ALL_REGIONS_FAILED',
  'TIMEOUT',
]);

/** A seeded generator with the helpers the tests need. */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  int(max: number): number {
    return Math.min(max - 1, Math.floor(this.next() * max));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type FaultKind = 'throttle' | 'server' | 'network' | 'timeout';

/** An SDK-shaped error of each kind (as the SDK throws them; see src/testing/faults.ts). */
export function makeFault(kind: FaultKind | 'accessDenied'): Error {
  const $metadata = { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 };
  switch (kind) {
    case 'throttle': {
      const error = new SecretsManagerServiceException({
        name: 'ThrottlingException',
        $fault: 'client',
        message: 'Rate exceeded',
        $metadata,
      });
      error.$retryable = { throttling: true };
      return error;
    }
    case 'server':
      return new InternalServiceError({
        message: 'server side',
        $metadata: { ...$metadata, httpStatusCode: 500 },
      });
    case 'network':
      return Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', $metadata: {} });
    case 'timeout':
      return Object.assign(new Error('Connection timed out'), { name: 'TimeoutError', code: 'ETIMEDOUT' });
    case 'accessDenied':
      return new SecretsManagerServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        message: 'not authorized to perform secretsmanager:GetSecretValue',
        $metadata,
      });
  }
}

/**
 * Injected GetSecretValue failures whose consumption the test sees: each factory call is one
 * failed call, stamped with the clock.
 */
export class FaultLog {
  faultsConsumed = 0;
  deniesConsumed = 0;
  lastFaultAt = Number.NEGATIVE_INFINITY;
  injected = 0;
  constructor(
    private readonly fake: InMemorySecretsManager,
    private readonly now: () => number,
  ) {}
  get pending(): number {
    return this.injected - this.faultsConsumed - this.deniesConsumed;
  }
  inject(count: number, kind: FaultKind | 'accessDenied', region?: string): void {
    this.injected += count;
    this.fake.failNext(
      count,
      () => {
        if (kind === 'accessDenied') this.deniesConsumed++;
        else {
          this.faultsConsumed++;
          this.lastFaultAt = this.now();
        }
        return makeFault(kind);
      },
      region === undefined ? { operation: 'GetSecretValue' } : { operation: 'GetSecretValue', region },
    );
  }
}

/**
 * What every error thrown by the client must satisfy: a SecretkitError with a documented code,
 * and no value in its message, JSON or inspection (with causes).
 */
export function checkError(error: unknown, context: string): asserts error is Error & { code: string } {
  if (!isSecretkitError(error)) throw new Error(`${context}: not a SecretkitError: ${inspect(error)}`);
  expect(ALL_CODES.has(error.code), `${context}: undocumented code ${error.code}`).toBe(true);
  for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 8 }), String(error)]) {
    if (text.includes(MARK)) throw new Error(`${context}: error ${error.code} shows a secret value: ${text}`);
  }
}

/** Fails when `anything` shows a value when serialised or inspected. */
export function checkNoValue(anything: unknown, context: string): void {
  const texts = [inspect(anything, { depth: 8 })];
  try {
    texts.push(JSON.stringify(anything) ?? '');
  } catch {
    // Errors with cycles: inspection is enough.
  }
  for (const text of texts) {
    if (text.includes(MARK)) throw new Error(`${context}: shows a secret value: ${text}`);
  }
}

interface Interval {
  readonly versionId: string | null;
  readonly from: number;
  /** When the label left this holder (clock), and the mutation that moved it. */
  to: number;
  toSeq: number;
}

/**
 * What AWS held, over time: each version's value, and each staging label's history of holders
 * (null: no version had it). Mirrors the service's label rules (moving AWSCURRENT moves
 * AWSPREVIOUS to the version it left), as src/testing/versions.ts does.
 */
export class AwsModel {
  /** secret → versionId → value and creation time, and a sequence number (creation order). */
  readonly versions = new Map<string, Map<string, { value: string; createdAt: number; seq: number }>>();
  readonly #history = new Map<string, Interval[]>();
  /** Mutations so far: a logical clock finer than the (manual) wall clock. */
  mutations = 0;

  constructor(private readonly now: () => number) {}

  #key(secret: string, stage: string): string {
    return `${secret}|${stage}`;
  }

  holder(secret: string, stage: string): string | null {
    const list = this.#history.get(this.#key(secret, stage));
    return list?.[list.length - 1]?.versionId ?? null;
  }

  #set(secret: string, stage: string, versionId: string | null): void {
    const key = this.#key(secret, stage);
    let list = this.#history.get(key);
    if (!list) {
      list = [
        {
          versionId: null,
          from: Number.NEGATIVE_INFINITY,
          to: Number.POSITIVE_INFINITY,
          toSeq: Number.POSITIVE_INFINITY,
        },
      ];
      this.#history.set(key, list);
    }
    const last = list[list.length - 1]!;
    if (last.versionId === versionId) return;
    last.to = this.now();
    last.toSeq = this.mutations;
    list.push({ versionId, from: this.now(), to: Number.POSITIVE_INFINITY, toSeq: Number.POSITIVE_INFINITY });
  }

  #attach(secret: string, stage: string, versionId: string): void {
    const previous = this.holder(secret, stage);
    if (previous === versionId) return;
    this.#set(secret, stage, versionId);
    if (stage === 'AWSCURRENT' && previous !== null) this.#attach(secret, 'AWSPREVIOUS', previous);
  }

  addVersion(secret: string, versionId: string, value: string, stages: readonly string[]): void {
    this.mutations++;
    this.#add(secret, versionId, value, stages);
  }

  #add(secret: string, versionId: string, value: string, stages: readonly string[]): void {
    let map = this.versions.get(secret);
    if (!map) {
      map = new Map();
      this.versions.set(secret, map);
    }
    map.set(versionId, { value, createdAt: this.now(), seq: this.mutations });
    for (const stage of stages) this.#attach(secret, stage, versionId);
  }

  /** The label moves of `fake.simulateRotation`. */
  rotate(secret: string, versionId: string, value: string): void {
    this.mutations++;
    this.#add(secret, versionId, value, ['AWSPENDING']);
    this.#attach(secret, 'AWSCURRENT', versionId);
    this.#set(secret, 'AWSPENDING', null);
  }

  /** The version holding `value` (values are unique per version). */
  versionOf(secret: string, value: string): { versionId: string; seq: number } | undefined {
    for (const [versionId, v] of this.versions.get(secret) ?? []) {
      if (v.value === value) return { versionId, seq: v.seq };
    }
    return undefined;
  }

  /**
   * True when `stage` was on `versionId` (null: on no version) at some time no earlier than
   * `sinceMs` by the clock and after mutation `afterSeq` (a write or invalidation).
   */
  heldSince(
    secret: string,
    stage: string,
    versionId: string | null,
    sinceMs: number,
    afterSeq: number,
  ): boolean {
    const list = this.#history.get(this.#key(secret, stage));
    if (!list) return versionId === null;
    return list.some((i) => i.versionId === versionId && i.to >= sinceMs && i.toSeq > afterSeq);
  }
}

/** Lets the microtasks and immediates queued so far run (background loads settle). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A client in front of the fake that sends each command at once (the fake reads its state
 * then) but holds back the answers of `operation` until `release()`: a reply overtaken on the
 * network by a later request's.
 */
export function holdAnswers(fake: InMemorySecretsManager, operation: string) {
  const held: Array<() => void> = [];
  const send = (fake.send as (command: unknown, options?: unknown) => Promise<unknown>).bind(fake);
  return {
    client: {
      async send(command: unknown, options?: unknown): Promise<unknown> {
        const answer = send(command, options);
        const name = (command as object).constructor.name.replace(/Command$/, '');
        if (name === operation) {
          await answer.catch(() => undefined);
          await new Promise<void>((resolve) => held.push(resolve));
        }
        return answer;
      },
    },
    get held(): number {
      return held.length;
    },
    release(): void {
      for (const resolve of held.splice(0)) resolve();
    },
  };
}
