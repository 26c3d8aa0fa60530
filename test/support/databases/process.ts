/**
 * Process plumbing shared by the test database servers: which OS user runs them, temp dirs
 * owned by that user, spawning with a captured log tail, stopping, and a last-resort kill of
 * every server still running when the test process exits.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** Creates a temp dir owned by `runAs` (mode 0700 from mkdtemp). */
export function ownedTempDir(prefix: string, runAs: RunAs): string {
  const dir = mkdtempSync(join(databaseTempRoot(), prefix));
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
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when a test run dies without its afterAll: never leave a server behind.
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
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
}

/** Spawns a long-running server as `runAs`, tracked for the exit hook. */
export function spawnServer(command: string, args: readonly string[], runAs: RunAs): ServerProcess {
  installExitHook();
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(runAs.uid === undefined ? {} : { uid: runAs.uid }),
    ...(runAs.gid === undefined ? {} : { gid: runAs.gid }),
    env: { ...process.env, LC_ALL: 'C' },
  });
  running.add(child);
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
      await server.stop('SIGKILL');
      throw new Error(
        `${name} did not accept connections within ${timeoutMs} ms (${String(lastError)}):\n${server.log()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Finds the first existing executable among `candidates` (absolute paths or names on PATH). */
export function findExecutable(candidates: readonly string[]): string | undefined {
  for (const candidate of candidates) {
    if (candidate.includes('/')) {
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not there
      }
      continue;
    }
    try {
      const found = execFileSync('sh', ['-c', `command -v ${candidate}`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}
