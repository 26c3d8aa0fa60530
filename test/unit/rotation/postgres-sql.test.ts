import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  alterRolePasswordSql,
  createLoginRoleSql,
  grantRoleSql,
  md5Verifier,
  passwordEncodingFor,
  passwordValue,
  quoteIdent,
  quoteLiteral,
  scramSha256Verifier,
} from '../../../src/rotation/postgres/sql.js';

describe('PostgreSQL quoting', () => {
  it('quotes identifiers like format(%I), doubling quotes', () => {
    expect(quoteIdent('app')).toBe('"app"');
    expect(quoteIdent('App User')).toBe('"App User"');
    expect(quoteIdent('x"; DROP ROLE postgres; --')).toBe('"x""; DROP ROLE postgres; --"');
  });

  it('matches pg.escapeIdentifier and pg.escapeLiteral', () => {
    for (const value of ['plain', "it's", 'back\\slash', 'both\\\'"', 'ünïcødé', '"quoted"']) {
      expect(quoteIdent(value)).toBe(pg.escapeIdentifier(value));
      expect(quoteLiteral(value)).toBe(pg.escapeLiteral(value));
    }
  });

  it('rejects NUL and empty identifiers', () => {
    expect(() => quoteIdent('')).toThrow(/empty/);
    expect(() => quoteIdent('a\0b')).toThrow(/NUL/);
    expect(() => quoteLiteral('a\0b')).toThrow(/NUL/);
  });
});

describe('PostgreSQL password hashing', () => {
  it('computes the SCRAM-SHA-256 verifier PostgreSQL stores (RFC 7677 construction)', () => {
    const salt = Buffer.from(Array.from({ length: 16 }, (_, i) => i));
    expect(scramSha256Verifier('pencil', salt, 4096)).toBe(
      'SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw==$zHCdol2044/ZyWzPLi7oxApCkamKw9Z+E4U/QApd/5Y=:dd5peBOitVnLNFu7VmwP+HiDaaw4OUCv396eVCWhYiE=',
    );
  });

  it('uses a fresh salt each time', () => {
    expect(scramSha256Verifier('pencil')).not.toBe(scramSha256Verifier('pencil'));
  });

  it('computes md5 verifiers salted with the role name', () => {
    expect(md5Verifier('pencil', 'app')).toBe('md506d701b4dd9f7cbb00816251a451b978');
  });

  it('follows the server setting; non-ASCII passwords go plain under SCRAM (SASLprep)', () => {
    expect(passwordEncodingFor('scram-sha-256', 'Abc123!~ x')).toBe('scram-sha-256');
    expect(passwordEncodingFor('scram-sha-256', 'pässword')).toBe('plain');
    expect(passwordEncodingFor('md5', 'pässword')).toBe('md5');
    expect(passwordEncodingFor('on', 'x')).toBe('md5');
    expect(passwordEncodingFor('something-new', 'x')).toBe('plain');
  });

  it('never puts the plain password in the value unless asked to', () => {
    expect(passwordValue('secret-pw', 'app', 'scram-sha-256')).not.toContain('secret-pw');
    expect(passwordValue('secret-pw', 'app', 'md5')).not.toContain('secret-pw');
    expect(passwordValue('secret-pw', 'app', 'plain')).toBe('secret-pw');
  });
});

describe('PostgreSQL statements', () => {
  it('builds ALTER ROLE, CREATE ROLE and GRANT with quoted names and literals', () => {
    expect(alterRolePasswordSql('app', "p'w")).toBe(`ALTER ROLE "app" WITH PASSWORD 'p''w'`);
    expect(createLoginRoleSql('app_clone', 'SCRAM-SHA-256$4096:a$b:c')).toBe(
      `CREATE ROLE "app_clone" WITH LOGIN PASSWORD 'SCRAM-SHA-256$4096:a$b:c'`,
    );
    expect(grantRoleSql('app', 'app_clone')).toBe('GRANT "app" TO "app_clone"');
  });
});
