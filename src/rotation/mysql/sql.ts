/**
 * MySQL/MariaDB SQL text for rotation, built without the driver: string and account quoting,
 * grant replay from `SHOW GRANTS`, TLS requirements, password statements.
 */

/** Quoting context of the session (`NO_BACKSLASH_ESCAPES` changes how `\` is read). */
export interface QuoteMode {
  readonly noBackslashEscapes: boolean;
}

const BACKSLASH_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
  '"': '\\"',
  "'": "\\'",
  '\\': '\\\\',
};

/** Quotes a string literal for the session's SQL mode. */
export function quoteString(value: string, mode: QuoteMode): string {
  if (mode.noBackslashEscapes) {
    if (value.includes('\0')) throw new Error('string contains a NUL character');
    return `'${value.replace(/'/g, "''")}'`;
  }
  let out = "'";
  for (const c of value) out += BACKSLASH_ESCAPES[c] ?? c;
  return `${out}'`;
}

/** Quotes an identifier with backticks (`` ` `` doubled), like mysql2's escapeId for one part. */
export function quoteId(name: string): string {
  if (name.length === 0 || name.includes('\0')) throw new Error('identifier is empty or contains NUL');
  return `\`${name.replace(/`/g, '``')}\``;
}

/** `'user'@'host'` */
export function accountSql(user: string, host: string, mode: QuoteMode): string {
  return `${quoteString(user, mode)}@${quoteString(host, mode)}`;
}

/** The ways `SHOW GRANTS` prints an account: `` `u`@`h` `` (MariaDB, MySQL 8) or `'u'@'h'` (MySQL 5.7). */
function accountSpellings(user: string, host: string): string[] {
  const backtick = (s: string) => `\`${s.replace(/`/g, '``')}\``;
  const single = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const singleDoubled = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return [
    `${backtick(user)}@${backtick(host)}`,
    `${single(user)}@${single(host)}`,
    `${singleDoubled(user)}@${singleDoubled(host)}`,
  ];
}

/**
 * Rewrites one `SHOW GRANTS FOR current` row for `clone`: the grantee is replaced, `WITH GRANT
 * OPTION` / `WITH ADMIN OPTION` are kept, anything else after the grantee (MariaDB's
 * `IDENTIFIED BY PASSWORD '<hash>'`, resource limits) is dropped. `SET DEFAULT ROLE ... FOR`
 * rows are rewritten too. Returns `undefined` for rows it does not understand (e.g. `REVOKE`).
 */
export function rewriteGrant(
  row: string,
  current: { readonly user: string; readonly host: string },
  cloneAccount: string,
): string | undefined {
  const statement = row.trim();
  const isGrant = /^GRANT\s/i.test(statement);
  const isDefaultRole = /^SET\s+DEFAULT\s+ROLE\s/i.test(statement);
  if (!isGrant && !isDefaultRole) return undefined;
  const keyword = isGrant ? ' TO ' : ' FOR ';
  for (const spelling of accountSpellings(current.user, current.host)) {
    const at = statement.lastIndexOf(keyword + spelling);
    if (at < 0) continue;
    const rest = statement.slice(at + keyword.length + spelling.length);
    if (rest.length > 0 && !/^\s/.test(rest)) continue;
    const options: string[] = [];
    if (/\bWITH\b[\s\S]*\bGRANT\s+OPTION\b/i.test(rest)) options.push('WITH GRANT OPTION');
    if (/\bWITH\s+ADMIN\s+OPTION\b/i.test(rest)) options.push('WITH ADMIN OPTION');
    return [statement.slice(0, at) + keyword + cloneAccount, ...options].join(' ');
  }
  return undefined;
}

/** The TLS requirement columns of `mysql.user`. */
export interface TlsRequirement {
  /** `''` (none), `ANY`, `X509` or `SPECIFIED`. */
  readonly sslType: string;
  readonly cipher: string;
  readonly issuer: string;
  readonly subject: string;
}

/** `ALTER USER <clone> REQUIRE ...` copying `requirement` (AWS's templates do the same). */
export function requireTlsSql(cloneAccount: string, requirement: TlsRequirement, mode: QuoteMode): string {
  const type = requirement.sslType.toUpperCase();
  let clause = 'NONE';
  if (type === 'ANY') clause = 'SSL';
  else if (type === 'X509') clause = 'X509';
  else if (type === 'SPECIFIED') {
    const parts: string[] = [];
    if (requirement.cipher) parts.push(`CIPHER ${quoteString(requirement.cipher, mode)}`);
    if (requirement.issuer) parts.push(`ISSUER ${quoteString(requirement.issuer, mode)}`);
    if (requirement.subject) parts.push(`SUBJECT ${quoteString(requirement.subject, mode)}`);
    clause = parts.length > 0 ? parts.join(' AND ') : 'SSL';
  }
  return `ALTER USER ${cloneAccount} REQUIRE ${clause}`;
}

/** `CREATE USER <account> IDENTIFIED BY '...'` */
export function createUserSql(account: string, password: string, mode: QuoteMode): string {
  return `CREATE USER ${account} IDENTIFIED BY ${quoteString(password, mode)}`;
}

/** `ALTER USER <account> IDENTIFIED BY '...'` (as a user with CREATE USER). */
export function alterUserPasswordSql(account: string, password: string, mode: QuoteMode): string {
  return `ALTER USER ${account} IDENTIFIED BY ${quoteString(password, mode)}`;
}

/**
 * The statement a user runs to change its own password, which needs no privilege:
 * MariaDB `SET PASSWORD = PASSWORD('...')`, MySQL 5.7+/8+ `SET PASSWORD = '...'`.
 */
export function setOwnPasswordSql(serverVersion: string, password: string, mode: QuoteMode): string {
  const literal = quoteString(password, mode);
  return /mariadb/i.test(serverVersion) ? `SET PASSWORD = PASSWORD(${literal})` : `SET PASSWORD = ${literal}`;
}
