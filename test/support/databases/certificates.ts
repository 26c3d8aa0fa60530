/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1 / localhost,
 * made with the openssl CLI, for testing TLS to the database servers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { giveTo, ownedTempDir, type RunAs, removeDir } from './process.js';

/** Files and PEM text of the test PKI. */
export interface TestCertificates {
  readonly dir: string;
  /** The CA certificate (PEM), to pass as `tls: { ca }`. */
  readonly caPem: string;
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** Gives the files to the server's user (keys must be owned by it for PostgreSQL). */
  giveTo(runAs: RunAs): void;
  remove(): void;
}

function openssl(args: readonly string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Creates a CA and a server certificate (SAN: 127.0.0.1, localhost), valid for one day. */
export function makeTestCertificates(): TestCertificates {
  const dir = ownedTempDir('secretkit-pki-', {});
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=secretkit test CA'].concat([
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
    ]),
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
    ],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
    ].concat(['-extfile', 'san.ext', '-out', 'server.crt']),
    dir,
  );
  return {
    dir,
    caPem: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    caFile: join(dir, 'ca.crt'),
    certFile: join(dir, 'server.crt'),
    keyFile: join(dir, 'server.key'),
    giveTo: (runAs) => giveTo(dir, runAs),
    remove: () => removeDir(dir),
  };
}
