/**
 * What a database engine (PostgreSQL, MySQL/MariaDB) supplies to the shared rotation flows.
 * Implemented next to each driver (src/rotation/postgres, src/rotation/mysql); this file
 * imports no driver.
 */
import type { ConnectionOptions } from 'node:tls';
import type { PasswordRules } from '../check/password-rules.js';

/** Where and how to log in. */
export interface ConnectTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Database to connect to (engine default when undefined). */
  readonly database: string | undefined;
  /** `false` for plain TCP, else TLS options. */
  readonly tls: false | ConnectionOptions;
  readonly connectTimeoutMs: number;
}

/** An open, authenticated connection. */
export interface SqlSession {
  /** Runs a trivial query (`SELECT NOW()`); throws when it fails. */
  ping(): Promise<void>;
  /** Closes the connection; never throws. */
  close(): Promise<void>;
}

/** The engine-specific operations used by the single-user and alternating-users flows. */
export interface SqlEngine<S extends SqlSession = SqlSession> {
  /** Human name for messages: `PostgreSQL`, `MySQL`. */
  readonly label: string;
  /** Accepted values of the secret's `engine` key. */
  readonly engines: readonly string[];
  /** Port used when the secret has none. */
  readonly defaultPort: number;
  /** Longest user name the engine accepts. */
  readonly maxUsernameLength: number;
  /** Opens a connection; throws the driver's error when it cannot. */
  connect(target: ConnectTarget): Promise<S>;
  /** True when `error` says the server does not offer TLS at all. */
  isTlsUnsupported(error: unknown): boolean;
  /** Single user: the logged-in user sets its own password. */
  setOwnPassword(session: S, username: string, password: string): Promise<void>;
  /**
   * Alternating users, as the master user: create `clone` with the grants of `current` if it
   * does not exist, then set its password. Idempotent.
   */
  upsertClone(session: S, current: string, clone: string, password: string): Promise<void>;
  /** Password rules of the engine (checked by the preflight). @defaultValue none */
  readonly passwordRules?: PasswordRules | undefined;
  /** Why the engine would refuse `name` as a user name, or `undefined` when it accepts it. */
  usernameProblem?(name: string): string | undefined;
  /** Rules the server adds (password-validation plugins), read with any logged-in session. */
  serverPasswordRules?(session: S): Promise<PasswordRules>;
  /**
   * Preflight, as the master user: what would stop `upsertClone(current, clone)`. Reads only.
   * Each problem names the missing privilege, never a value.
   */
  masterPrivilegeProblems?(session: S, current: string, clone: string): Promise<PrivilegeProblem[]>;
}

/** A privilege the master user lacks (preflight). */
export interface PrivilegeProblem {
  /** `create`: it may not create/alter the clone; `grant`: it may not grant what the user has. */
  readonly kind: 'create' | 'grant';
  /** What is missing, e.g. `CREATEROLE`, `SELECT ON appdb.* WITH GRANT OPTION`. */
  readonly missing: string;
}
