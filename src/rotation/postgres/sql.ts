/**
 * PostgreSQL SQL text for rotation, built without the driver: identifier and literal quoting,
 * and client-side password hashing (as libpq's PQencryptPasswordConn / psql's \password do) so
 * the plain password never appears in a statement the server could log.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

function assertNoNul(value: string, what: string): void {
  if (value.includes('\0')) throw new Error(`${what} contains a NUL character`);
}

/** Quotes an identifier (role name) like `format('%I')`: always double-quoted, `"` doubled. */
export function quoteIdent(name: string): string {
  assertNoNul(name, 'identifier');
  if (name.length === 0) throw new Error('identifier is empty');
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a string literal like `pg`'s escapeLiteral (`E'...'` when it has backslashes). */
export function quoteLiteral(value: string): string {
  assertNoNul(value, 'literal');
  const body = value.replace(/'/g, "''");
  return value.includes('\\') ? ` E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}

/** How the password is sent in `ALTER ROLE ... PASSWORD`. */
export type PgPasswordEncoding = 'scram-sha-256' | 'md5' | 'plain';

/**
 * Which encoding to send for the server's `password_encryption` setting. SCRAM needs SASLprep,
 * which is the identity only for printable ASCII; other passwords are sent plain (hashed by
 * the server).
 */
export function passwordEncodingFor(passwordEncryption: string, password: string): PgPasswordEncoding {
  const setting = passwordEncryption.trim().toLowerCase();
  if (setting === 'scram-sha-256') return /^[\x20-\x7e]+$/.test(password) ? 'scram-sha-256' : 'plain';
  if (setting === 'md5' || setting === 'on') return 'md5';
  return 'plain';
}

/** The SCRAM-SHA-256 verifier PostgreSQL stores (`SCRAM-SHA-256$iter:salt$StoredKey:ServerKey`). */
export function scramSha256Verifier(
  password: string,
  salt: Buffer = randomBytes(16),
  iterations = 4096,
): string {
  const salted = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** The md5 hash PostgreSQL stores: `md5` + md5(password + role name). */
export function md5Verifier(password: string, role: string): string {
  return `md5${createHash('md5')
    .update(password + role, 'utf8')
    .digest('hex')}`;
}

/** The value to put after `PASSWORD` for `role`. */
export function passwordValue(password: string, role: string, encoding: PgPasswordEncoding): string {
  if (encoding === 'scram-sha-256') return scramSha256Verifier(password);
  if (encoding === 'md5') return md5Verifier(password, role);
  return password;
}

/** `ALTER ROLE "role" WITH PASSWORD '...'` */
export function alterRolePasswordSql(role: string, passwordText: string): string {
  return `ALTER ROLE ${quoteIdent(role)} WITH PASSWORD ${quoteLiteral(passwordText)}`;
}

/** `CREATE ROLE "role" WITH LOGIN PASSWORD '...'` */
export function createLoginRoleSql(role: string, passwordText: string): string {
  return `CREATE ROLE ${quoteIdent(role)} WITH LOGIN PASSWORD ${quoteLiteral(passwordText)}`;
}

/** `GRANT "member_of" TO "role"`: `role` gets the privileges of `memberOf` (AWS's template). */
export function grantRoleSql(memberOf: string, role: string): string {
  return `GRANT ${quoteIdent(memberOf)} TO ${quoteIdent(role)}`;
}
