/**
 * Preflight of MySQL/MariaDB: may the logged-in master create the clone and replay the rotated
 * user's grants onto it (`SHOW GRANTS` compared privilege by privilege)? And which password rules
 * does the server's validation plugin add? Reads only; grant rows are parsed, never printed
 * (MariaDB's rows can carry a password hash).
 */
import type mysql from 'mysql2/promise';
import type { PasswordRules } from '../check/password-rules.js';
import type { PrivilegeProblem } from '../sql/engine.js';

/** One `GRANT privs ON object TO ...` row. */
interface GrantRow {
  readonly privileges: readonly string[];
  /** `*.*`, `db.*`, `db.table` (backticks removed, lower case). */
  readonly object: string;
  readonly grantable: boolean;
}

function splitPrivileges(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let part = '';
  for (const c of list) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(part);
      part = '';
    } else part += c;
  }
  out.push(part);
  // "SELECT (col)" → "SELECT": column grants count as the privilege at that level (coarse).
  return out
    .map((p) =>
      p
        .replace(/\(.*\)/, '')
        .trim()
        .toUpperCase(),
    )
    .filter((p) => p.length > 0);
}

/** Parses a `SHOW GRANTS` row; `undefined` for role grants and rows it does not understand. */
export function parseGrantRow(row: string): GrantRow | undefined {
  const m = /^GRANT\s+(.+?)\s+ON\s+(?:(?:TABLE|FUNCTION|PROCEDURE)\s+)?(\S+)\s+TO\s/i.exec(row.trim());
  if (!m) return undefined;
  return {
    privileges: splitPrivileges(m[1] ?? ''),
    object: (m[2] ?? '').replace(/`/g, '').toLowerCase(),
    grantable: /\bWITH\b[\s\S]*\bGRANT\s+OPTION\b/i.test(row),
  };
}

function covers(scope: string, object: string): boolean {
  if (scope === '*.*' || scope === object) return true;
  return scope.endsWith('.*') && object.startsWith(scope.slice(0, -1));
}

function holds(rows: readonly GrantRow[], privilege: string, object: string, grantable: boolean): boolean {
  return rows.some(
    (r) =>
      (!grantable || r.grantable) &&
      covers(r.object, object) &&
      (r.privileges.includes(privilege) ||
        r.privileges.includes('ALL PRIVILEGES') ||
        r.privileges.includes('ALL')),
  );
}

async function grantRows(connection: mysql.Connection, sql: string): Promise<GrantRow[]> {
  const [rows] = await connection.query<mysql.RowDataPacket[]>({ sql, rowsAsArray: true });
  const out: GrantRow[] = [];
  for (const row of rows) {
    const text = row[0];
    const parsed = parseGrantRow(Buffer.isBuffer(text) ? text.toString('utf8') : String(text));
    if (parsed) out.push(parsed);
  }
  return out;
}

/**
 * What the master (the session's user) lacks for `upsertClone(current, clone)`: `CREATE USER`
 * (global), `SELECT` on `mysql.user` (to look the clone up and read grants), and each privilege
 * of `current` at its level `WITH GRANT OPTION`.
 *
 * @param connection - a session logged in as the master user
 * @param currentAccount - `'user'@'host'` of the rotated user, quoted
 */
export async function mysqlMasterProblems(
  connection: mysql.Connection,
  currentAccount: string,
): Promise<PrivilegeProblem[]> {
  const master = await grantRows(connection, 'SHOW GRANTS');
  const problems: PrivilegeProblem[] = [];
  if (!holds(master, 'CREATE USER', '*.*', false))
    problems.push({ kind: 'create', missing: 'CREATE USER ON *.*' });
  if (!holds(master, 'SELECT', 'mysql.user', false))
    problems.push({ kind: 'create', missing: 'SELECT ON mysql.user' });
  let current: GrantRow[];
  try {
    current = await grantRows(connection, `SHOW GRANTS FOR ${currentAccount}`);
  } catch {
    problems.push({
      kind: 'grant',
      missing: "the right to read the rotated user's grants (SELECT ON mysql.*)",
    });
    return problems;
  }
  const missing = new Set<string>();
  for (const row of current) {
    for (const privilege of row.privileges) {
      if (privilege === 'USAGE') continue;
      const name = privilege === 'ALL' ? 'ALL PRIVILEGES' : privilege;
      if (!holds(master, name, row.object, true)) missing.add(`${name} ON ${row.object} WITH GRANT OPTION`);
    }
  }
  for (const m of missing) problems.push({ kind: 'grant', missing: m });
  return problems;
}

/**
 * Password rules of the server's validation plugin: MariaDB `simple_password_check`, MySQL
 * `validate_password` (component or plugin). Empty rules when none is installed.
 *
 * @param connection - any logged-in session
 */
export async function mysqlServerPasswordRules(connection: mysql.Connection): Promise<PasswordRules> {
  const [rows] = await connection.query<mysql.RowDataPacket[]>({
    sql: "SHOW GLOBAL VARIABLES WHERE Variable_name LIKE 'simple\\_password\\_check%' OR Variable_name LIKE 'validate\\_password%'",
    rowsAsArray: true,
  });
  const vars = new Map<string, number>();
  for (const row of rows)
    vars.set(
      String(row[0]).toLowerCase().replace('validate_password.', 'validate_password_'),
      Number(row[1]),
    );
  const simple = vars.has('simple_password_check_minimal_length');
  const validate = vars.has('validate_password_length');
  if (!simple && !validate) return { source: 'the server' };
  const get = (name: string) => {
    const v = vars.get(name);
    return v !== undefined && Number.isFinite(v) ? v : 0;
  };
  if (simple) {
    return {
      source: "the server's simple_password_check plugin",
      minLength: get('simple_password_check_minimal_length'),
      requireDigit: get('simple_password_check_digits') > 0,
      requireUppercase: get('simple_password_check_letters_same_case') > 0,
      requireLowercase: get('simple_password_check_letters_same_case') > 0,
      requirePunctuation: get('simple_password_check_other_characters') > 0,
    };
  }
  return {
    source: "the server's validate_password component",
    minLength: get('validate_password_length'),
    requireDigit: get('validate_password_number_count') > 0,
    requireUppercase: get('validate_password_mixed_case_count') > 0,
    requireLowercase: get('validate_password_mixed_case_count') > 0,
    requirePunctuation: get('validate_password_special_char_count') > 0,
  };
}
