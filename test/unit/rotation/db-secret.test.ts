import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createDatabaseSecretSchema,
  databaseCredentialsSchema,
  databaseSecretSchema,
  mysqlSecretSchema,
  postgresSecretSchema,
} from '../../../src/rotation/index.js';
import type { StandardSchemaV1 } from '../../../src/schema/standard-schema.js';

const RDS = {
  engine: 'postgres',
  host: 'db.abc.us-east-1.rds.amazonaws.com',
  username: 'app',
  password: 'S3cr3t-value!',
  dbname: 'orders',
  port: 5432,
  dbInstanceIdentifier: 'orders-db',
};

async function validate<O>(schema: StandardSchemaV1<unknown, O>, value: unknown) {
  return schema['~standard'].validate(value);
}

describe('databaseSecretSchema', () => {
  it('is a Standard Schema v1 by secretkit', () => {
    expect(databaseSecretSchema['~standard'].version).toBe(1);
    expect(databaseSecretSchema['~standard'].vendor).toBe('secretkit');
  });

  it('accepts what RDS writes and keeps unknown fields', async () => {
    const result = await validate(databaseSecretSchema, { ...RDS, proxy: 'p1' });
    expect(result.issues).toBeUndefined();
    expect(result).toEqual({ value: { ...RDS, proxy: 'p1' } });
  });

  it('turns a numeric string port into a number', async () => {
    const result = await validate(databaseSecretSchema, { ...RDS, port: '6543' });
    expect(result).toMatchObject({ value: { port: 6543 } });
  });

  it('reports each missing or malformed field by path, never with its value', async () => {
    const result = await validate(databaseSecretSchema, {
      engine: 'postgres',
      username: 42,
      password: '',
      port: 'S3cr3t-value!',
      dbname: 7,
    });
    const issues = result.issues ?? [];
    expect(issues.map((i) => i.path?.[0]).sort()).toEqual(['dbname', 'host', 'password', 'port', 'username']);
    expect(JSON.stringify(issues)).not.toContain('S3cr3t');
  });

  it('rejects non-objects', async () => {
    for (const v of [null, 'x', 3, ['a']]) {
      expect((await validate(databaseSecretSchema, v)).issues).toHaveLength(1);
    }
  });

  it('rejects a port out of range', async () => {
    expect((await validate(databaseSecretSchema, { ...RDS, port: 70000 })).issues?.[0]?.path).toEqual([
      'port',
    ]);
  });
});

describe('engine-specific schemas', () => {
  it('postgres accepts postgres, postgresql and aurora-postgresql only', async () => {
    expect(
      (await validate(postgresSecretSchema, { ...RDS, engine: 'aurora-postgresql' })).issues,
    ).toBeUndefined();
    const bad = await validate(postgresSecretSchema, { ...RDS, engine: 'mysql' });
    expect(bad.issues?.[0]?.message).toBe('engine must be one of: postgres, postgresql, aurora-postgresql');
  });

  it('mysql accepts mysql and mariadb', async () => {
    expect(
      (await validate(mysqlSecretSchema, { ...RDS, engine: 'mariadb', port: 3306 })).issues,
    ).toBeUndefined();
    expect((await validate(mysqlSecretSchema, RDS)).issues).toHaveLength(1);
  });

  it('can require masterarn (alternating users)', async () => {
    const schema = createDatabaseSecretSchema({ requireMasterArn: true });
    expect((await validate(schema, RDS)).issues?.[0]?.path).toEqual(['masterarn']);
    const withMaster = {
      ...RDS,
      masterarn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:master-AbCdEf',
    };
    expect((await validate(schema, withMaster)).issues).toBeUndefined();
  });
});

describe('databaseCredentialsSchema', () => {
  it('needs only username and password', async () => {
    expect(await validate(databaseCredentialsSchema, { username: 'u', password: 'p' })).toEqual({
      value: { username: 'u', password: 'p' },
    });
    expect((await validate(databaseCredentialsSchema, { username: 'u' })).issues?.[0]?.path).toEqual([
      'password',
    ]);
  });
});

describe('interop', () => {
  it('matches a zod schema of the same shape on valid input', async () => {
    const zodSchema = z.looseObject({
      engine: z.string(),
      host: z.string(),
      username: z.string(),
      password: z.string(),
    });
    const ours = await validate(databaseSecretSchema, RDS);
    const theirs = await zodSchema['~standard'].validate(RDS);
    expect(ours.issues).toBeUndefined();
    expect(theirs.issues).toBeUndefined();
  });
});
