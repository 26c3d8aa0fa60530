/** What a started test database server gives the tests. */
export interface DatabaseServer {
  /** Always `127.0.0.1`. */
  readonly host: string;
  /** The TCP port it listens on (a free port chosen at start). */
  readonly port: number;
  /** A superuser (`postgres` / `root`) that authenticates with {@link adminPassword}. */
  readonly adminUser: string;
  /** The superuser's password. */
  readonly adminPassword: string;
  /** Milliseconds the start took (init + boot), for reports. */
  readonly startMs: number;
  /** Stops the server and deletes its data directory. Safe to call twice. */
  stop(): Promise<void>;
}
