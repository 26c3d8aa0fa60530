import mysql from 'mysql2';
import { describe, expect, it } from 'vitest';
import {
  accountSql,
  alterUserPasswordSql,
  createUserSql,
  quoteId,
  quoteString,
  requireTlsSql,
  rewriteGrant,
  setOwnPasswordSql,
} from '../../../src/rotation/mysql/sql.js';

const backslash = { noBackslashEscapes: false };
const ansi = { noBackslashEscapes: true };

describe('MySQL quoting', () => {
  it('quotes strings like mysql2.escape', () => {
    for (const value of ['plain', "it's", 'back\\slash', 'nl\nline', 'nul\0', 'ctrl\x1a', '"dq"', 'tab\t']) {
      expect(quoteString(value, backslash)).toBe(mysql.escape(value));
    }
  });

  it('doubles quotes and keeps backslashes under NO_BACKSLASH_ESCAPES', () => {
    expect(quoteString("a'b\\c", ansi)).toBe("'a''b\\c'");
    expect(() => quoteString('a\0', ansi)).toThrow(/NUL/);
  });

  it('quotes identifiers like mysql2.escapeId (one part)', () => {
    for (const value of ['db', 'we`ird', 'has.dot']) {
      expect(quoteId(value)).toBe(mysql.escapeId(value, true));
    }
  });

  it('builds accounts and password statements', () => {
    expect(accountSql("o'neil", '%', backslash)).toBe("'o\\'neil'@'%'");
    expect(createUserSql("'app'@'%'", 'pw', backslash)).toBe("CREATE USER 'app'@'%' IDENTIFIED BY 'pw'");
    expect(alterUserPasswordSql("'app'@'%'", "p'w", ansi)).toBe("ALTER USER 'app'@'%' IDENTIFIED BY 'p''w'");
  });

  it('uses PASSWORD() on MariaDB and a plain literal on MySQL for SET PASSWORD', () => {
    expect(setOwnPasswordSql('10.11.19-MariaDB-0+deb12u1', 'pw', backslash)).toBe(
      "SET PASSWORD = PASSWORD('pw')",
    );
    expect(setOwnPasswordSql('8.0.36', 'pw', backslash)).toBe("SET PASSWORD = 'pw'");
    expect(setOwnPasswordSql('5.7.44-log', 'pw', backslash)).toBe("SET PASSWORD = 'pw'");
    expect(setOwnPasswordSql('9.1.0', 'pw', backslash)).toBe("SET PASSWORD = 'pw'");
  });
});

describe('rewriteGrant (SHOW GRANTS replay for the clone)', () => {
  const current = { user: 'app', host: '%' };
  const clone = "'app_clone'@'%'";

  it('rewrites MariaDB rows and drops the password hash', () => {
    expect(
      rewriteGrant("GRANT USAGE ON *.* TO `app`@`%` IDENTIFIED BY PASSWORD '*ABCDEF'", current, clone),
    ).toBe(`GRANT USAGE ON *.* TO ${clone}`);
    expect(rewriteGrant('GRANT SELECT, INSERT ON `appdb`.* TO `app`@`%`', current, clone)).toBe(
      `GRANT SELECT, INSERT ON \`appdb\`.* TO ${clone}`,
    );
  });

  it('keeps WITH GRANT OPTION and WITH ADMIN OPTION', () => {
    expect(
      rewriteGrant(
        "GRANT SELECT ON `db`.* TO `app`@`%` IDENTIFIED BY PASSWORD '*AB' WITH GRANT OPTION",
        current,
        clone,
      ),
    ).toBe(`GRANT SELECT ON \`db\`.* TO ${clone} WITH GRANT OPTION`);
    expect(rewriteGrant('GRANT `reader`@`%` TO `app`@`%` WITH ADMIN OPTION', current, clone)).toBe(
      `GRANT \`reader\`@\`%\` TO ${clone} WITH ADMIN OPTION`,
    );
  });

  it('rewrites MySQL 5.7 spelling and role grants', () => {
    expect(rewriteGrant("GRANT SELECT ON `db`.`t` TO 'app'@'%'", current, clone)).toBe(
      `GRANT SELECT ON \`db\`.\`t\` TO ${clone}`,
    );
    expect(rewriteGrant('GRANT `reader` TO `app`@`%`', current, clone)).toBe(`GRANT \`reader\` TO ${clone}`);
  });

  it('rewrites SET DEFAULT ROLE rows', () => {
    expect(rewriteGrant('SET DEFAULT ROLE `reader` FOR `app`@`%`', current, clone)).toBe(
      `SET DEFAULT ROLE \`reader\` FOR ${clone}`,
    );
  });

  it('is not fooled by " TO " inside names, and matches the exact grantee', () => {
    expect(rewriteGrant('GRANT SELECT ON `a TO b`.* TO `app`@`%`', current, clone)).toBe(
      `GRANT SELECT ON \`a TO b\`.* TO ${clone}`,
    );
    expect(rewriteGrant('GRANT SELECT ON `db`.* TO `app2`@`%`', current, clone)).toBeUndefined();
    expect(rewriteGrant('GRANT SELECT ON `db`.* TO `app`@`localhost`', current, clone)).toBeUndefined();
  });

  it('skips rows it does not understand', () => {
    expect(rewriteGrant('REVOKE INSERT ON `mysql`.* FROM `app`@`%`', current, clone)).toBeUndefined();
    expect(rewriteGrant('', current, clone)).toBeUndefined();
  });

  it('handles quotes and backticks in user names', () => {
    const odd = { user: "o'ne`il", host: '%' };
    expect(rewriteGrant("GRANT USAGE ON *.* TO `o'ne``il`@`%`", odd, clone)).toBe(
      `GRANT USAGE ON *.* TO ${clone}`,
    );
  });
});

describe('requireTlsSql', () => {
  const clone = "'c'@'%'";
  it('copies every kind of TLS requirement', () => {
    const none = { sslType: '', cipher: '', issuer: '', subject: '' };
    expect(requireTlsSql(clone, none, backslash)).toBe(`ALTER USER ${clone} REQUIRE NONE`);
    expect(requireTlsSql(clone, { ...none, sslType: 'ANY' }, backslash)).toBe(
      `ALTER USER ${clone} REQUIRE SSL`,
    );
    expect(requireTlsSql(clone, { ...none, sslType: 'X509' }, backslash)).toBe(
      `ALTER USER ${clone} REQUIRE X509`,
    );
    expect(
      requireTlsSql(
        clone,
        { sslType: 'SPECIFIED', cipher: 'AES', issuer: '', subject: "/CN=o'k" },
        backslash,
      ),
    ).toBe(`ALTER USER ${clone} REQUIRE CIPHER 'AES' AND SUBJECT '/CN=o\\'k'`);
  });
});
