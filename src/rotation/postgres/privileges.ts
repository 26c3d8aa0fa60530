/**
 * Preflight of PostgreSQL alternating users: may the logged-in master create or alter the clone
 * and make it a member of the rotated role? Reads the catalogs only.
 */
import type pg from 'pg';
import type { PrivilegeProblem } from '../sql/engine.js';

interface RoleRow {
  rolsuper: boolean;
  rolcreaterole: boolean;
}

async function role(client: pg.Client, name: string): Promise<RoleRow | undefined> {
  const r = await client.query<RoleRow>('SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = $1', [
    name,
  ]);
  return r.rows[0];
}

async function hasAdminOption(client: pg.Client, roleName: string): Promise<boolean> {
  const r = await client.query(
    `SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
      WHERE r.rolname = $1 AND u.rolname = current_user AND m.admin_option`,
    [roleName],
  );
  return (r.rowCount ?? 0) > 0;
}

/**
 * What the master (the session's user) lacks to run `upsertClone(current, clone)`:
 * - a superuser may do everything;
 * - else it needs `CREATEROLE`, and `current` must not be a superuser (only superusers grant those);
 * - on PostgreSQL 16+ it also needs `ADMIN OPTION` on `current` (to grant it) and on an existing
 *   `clone` (to alter it). PostgreSQL 15 and older: `CREATEROLE` is enough.
 *
 * @param client - a session logged in as the master user
 * @param current - the rotated role
 * @param clone - the clone role
 */
export async function postgresMasterProblems(
  client: pg.Client,
  current: string,
  clone: string,
): Promise<PrivilegeProblem[]> {
  const me = await client.query<RoleRow & { v: string }>(
    "SELECT rolsuper, rolcreaterole, current_setting('server_version_num') AS v FROM pg_roles WHERE rolname = current_user",
  );
  const master = me.rows[0];
  if (!master || master.rolsuper) return [];
  const problems: PrivilegeProblem[] = [];
  if (!master.rolcreaterole) problems.push({ kind: 'create', missing: 'CREATEROLE' });
  const currentRole = await role(client, current);
  if (currentRole?.rolsuper)
    problems.push({ kind: 'grant', missing: `SUPERUSER (the role "${current}" is a superuser)` });
  if (Number(master.v) >= 160000) {
    if (!(await hasAdminOption(client, current)))
      problems.push({ kind: 'grant', missing: `ADMIN OPTION on role "${current}"` });
    if ((await role(client, clone)) && !(await hasAdminOption(client, clone)))
      problems.push({ kind: 'create', missing: `ADMIN OPTION on role "${clone}"` });
  }
  return problems;
}
