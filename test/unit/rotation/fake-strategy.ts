/**
 * An in-memory rotation strategy for tests: a "database" that is a map of username → password,
 * and a record of every call. Values are JSON `{ username, password }`.
 */
import type {
  RotationStepContext,
  RotationStrategy,
  RotationVersions,
} from '../../../src/rotation/strategy.js';

/** One call the fake strategy received. */
export interface StrategyCall {
  readonly method: 'createPendingValue' | 'setSecret' | 'testSecret';
  readonly versions: RotationVersions;
  readonly token: string;
  readonly secretId: string;
}

/** The fake strategy and its database. */
export interface FakeStrategy extends RotationStrategy {
  /** Passwords the "database" accepts, by username. */
  readonly db: Map<string, string>;
  /** Every call, in order. */
  readonly calls: StrategyCall[];
  /** Makes the next call of `method` throw. */
  failNext(method: StrategyCall['method']): void;
}

interface Creds {
  readonly username: string;
  readonly password: string;
}

const parse = (value: string): Creds => JSON.parse(value) as Creds;

/**
 * Creates the fake strategy; `db` starts with the credentials in `initial` (a SecretString).
 *
 * @param initial - the secret's first value
 */
export function createFakeStrategy(initial: string): FakeStrategy {
  const db = new Map<string, string>();
  const first = parse(initial);
  db.set(first.username, first.password);
  const calls: StrategyCall[] = [];
  const failing = new Set<StrategyCall['method']>();
  const record = (
    method: StrategyCall['method'],
    versions: RotationVersions,
    ctx: RotationStepContext,
  ): void => {
    calls.push({ method, versions, token: ctx.token, secretId: ctx.secretId });
    if (failing.delete(method)) throw new Error(`injected failure in ${method}`);
  };
  return {
    name: 'fake',
    db,
    calls,
    failNext: (method) => {
      failing.add(method);
    },
    async createPendingValue(versions, ctx) {
      record('createPendingValue', versions, ctx);
      const current = parse(versions.current);
      return JSON.stringify({ ...current, password: await ctx.generatePassword() });
    },
    async setSecret(versions, ctx) {
      record('setSecret', versions, ctx);
      const pending = parse(versions.pending);
      db.set(pending.username, pending.password);
    },
    async testSecret(versions, ctx) {
      record('testSecret', versions, ctx);
      const pending = parse(versions.pending);
      if (db.get(pending.username) !== pending.password) throw new Error('login failed');
    },
  };
}
