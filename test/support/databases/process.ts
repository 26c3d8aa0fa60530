/**
 * Process plumbing shared by the test database servers: which OS user runs them, temp dirs
 * owned by that user, spawning with a captured log tail, stopping, and a last-resort kill of
 * every server still running when the test process exits.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseServer } from './types.js';

/** The OS identity a server process runs as (undefined fields: the current user). */
export interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
  /** The user's name, for server flags such as mariadbd's `--user`. */
  readonly name?: string;
}

/** True when this process runs as root (servers must then drop to another user). */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function lookupUser(name: string): RunAs | undefined {
  try {
    const uid = Number(
      execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
    const gid = Number(
      execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid, name } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The user to run a server as: the current user, or when root the first existing of
 * `candidates` (e.g. `postgres`, then `nobody`).
 */
export function serverUser(candidates: readonly string[]): RunAs {
  if (!isRoot()) return {};
  for (const name of candidates) {
    const found = lookupUser(name);
    if (found) return found;
  }
  throw new Error(`running as root and none of the users ${candidates.join(', ')} exists to run the server`);
}

function chownTree(path: string, runAs: RunAs): void {
  if (runAs.uid === undefined || runAs.gid === undefined) return;
  chownSync(path, runAs.uid, runAs.gid);
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path)) chownTree(join(path, entry), runAs);
  }
}

/**
 * Where data dirs go: `SECRETKIT_DB_TMPDIR`, else `/dev/shm` (memory: no disk I/O, which makes
 * init and boot several times faster on a busy machine), else the OS temp dir.
 */
export function databaseTempRoot(): string {
  const fromEnv = process.env['SECRETKIT_DB_TMPDIR'];
  if (fromEnv) return fromEnv;
  try {
    accessSync('/dev/shm', constants.W_OK | constants.X_OK);
    if (statSync('/dev/shm').isDirectory()) return '/dev/shm';
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}

/** Servers still running, with the signal that stops each at once. */
const running = new Map<ChildProcess, NodeJS.Signals>();
const ownedDirs = new Set<string>();
let exitHookInstalled = false;

function cleanUpNow(): void {
  for (const [child, signal] of running) child.kill(signal);
  for (const dir of ownedDirs) rmSync(dir, { recursive: true, force: true });
}

/**
 * Last resort when a test run dies without its afterAll (process exit, or SIGINT/SIGTERM/SIGHUP
 * when nobody else handles them): kill every server and delete every data dir.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', cleanUpNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    if (process.listenerCount(signal) > 0) continue;
    process.once(signal, () => {
      cleanUpNow();
      // Our listener is gone: the re-raised signal gets its default action (terminate).
      process.kill(process.pid, signal);
    });
  }
}

/** Creates a temp dir owned by `runAs` (mode 0700 from mkdtemp), deleted by the exit hook at the latest. */
export function ownedTempDir(prefix: string, runAs: RunAs): string {
  installExitHook();
  const dir = mkdtempSync(join(databaseTempRoot(), prefix));
  ownedDirs.add(dir);
  chownTree(dir, runAs);
  return dir;
}

/** Gives `path` (recursively) to `runAs`. */
export function giveTo(path: string, runAs: RunAs): void {
  chownTree(path, runAs);
}

/** Removes a temp dir, ignoring errors. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  ownedDirs.delete(dir);
}

/** A spawned server process with the tail of its output. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** Last ~4 KB of stdout+stderr, for error messages. */
  log(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
  /** Sends `signal`, then SIGKILL after `graceMs`, and waits for the exit. */
  stop(signal: NodeJS.Signals, graceMs?: number): Promise<void>;
  /** The signal that stops it at once (see {@link spawnServer}). */
  readonly hardStop: NodeJS.Signals;
}

/**
 * Spawns a long-running server as `runAs`, tracked for the exit hook.
 *
 * @param hardStop - the signal that stops it at once and still lets it clean up its IPC
 *   (PostgreSQL: SIGQUIT, immediate shutdown); default SIGKILL
 */
export function spawnServer(
  command: string,
  args: readonly string[],
  runAs: RunAs,
  hardStop: NodeJS.Signals = 'SIGKILL',
): ServerProcess {
  installExitHook();
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(runAs.uid === undefined ? {} : { uid: runAs.uid }),
    ...(runAs.gid === undefined ? {} : { gid: runAs.gid }),
    env: { ...process.env, LC_ALL: 'C' },
  });
  running.set(child, hardStop);
  let tail = '';
  const collect = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((ok) => {
    child.once('exit', () => {
      running.delete(child);
      ok();
    });
    child.once('error', () => {
      running.delete(child);
      ok();
    });
  });
  return {
    child,
    log: () => tail,
    exited,
    hardStop,
    async stop(signal, graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a setup command as `runAs` to completion; throws with its output on failure. */
export function runAsUser(command: string, args: readonly string[], runAs: RunAs): void {
  try {
    execFileSync(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runAs.uid === undefined ? {} : { uid: runAs.uid }),
      ...(runAs.gid === undefined ? {} : { gid: runAs.gid }),
      env: { ...process.env, LC_ALL: 'C' },
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(
      `${command} failed: ${e.message}\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`,
    );
  }
}

/** Polls `probe` every 100 ms until it resolves, the process exits, or `timeoutMs` passes. */
export async function waitUntilReady(
  name: string,
  server: ServerProcess,
  probe: () => Promise<void>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`${name} exited during startup:\n${server.log()}`);
    }
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      await server.stop(server.hardStop);
      throw new Error(
        `${name} did not accept connections within ${timeoutMs} ms (${String(lastError)}):\n${server.log()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How to reach a server: the fields of {@link DatabaseServer} known before it is ready. */
export type ServerEndpoint = Pick<DatabaseServer, 'host' | 'port' | 'adminUser' | 'adminPassword'>;

/**
 * Waits until `probe` connects (see {@link waitUntilReady}), then describes the server: `stop()`
 * sends `stopSignal` (SIGKILL after the grace time) and deletes `dir`, once.
 */
export async function serveWhenReady(
  name: string,
  server: ServerProcess,
  dir: string,
  endpoint: ServerEndpoint,
  options: {
    /** `Date.now()` when the start began. */
    readonly started: number;
    /** Connects once as the admin user; rejects while the server is not ready. */
    readonly probe: () => Promise<void>;
    readonly timeoutMs: number;
    readonly stopSignal: NodeJS.Signals;
  },
): Promise<DatabaseServer> {
  await waitUntilReady(name, server, options.probe, options.timeoutMs);
  let stopped = false;
  return {
    ...endpoint,
    startMs: Date.now() - options.started,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop(options.stopSignal);
      removeDir(dir);
    },
  };
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Finds the first existing executable among `candidates` (absolute paths or names on PATH). */
export function findExecutable(candidates: readonly string[]): string | undefined {
  for (const candidate of candidates) {
    if (candidate.includes('/')) {
      if (isExecutableFile(candidate)) return candidate;
      continue;
    }
    try {
      const found = execFileSync('sh', ['-c', `command -v ${candidate}`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (found && isExecutableFile(found)) return found;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}
