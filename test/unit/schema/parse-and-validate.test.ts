/** src/schema: JSON parsing and Standard Schema validation, with no value in any error. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { parseSecretJson } from '../../../src/schema/parse-json.js';
import { isStandardSchema, validateSecret } from '../../../src/schema/validate.js';

const PLANTED = 'planted-value-51c2';

describe('parseSecretJson', () => {
  it('parses JSON', () => {
    expect(parseSecretJson('{"a":1}', 'id')).toEqual({ a: 1 });
  });

  it('throws INVALID_JSON naming the secret, without the text or a cause', () => {
    let caught: unknown;
    try {
      parseSecretJson(`{"password": "${PLANTED}"`, 'prod/db');
    } catch (error) {
      caught = error;
    }
    expect(isSecretkitError(caught, 'INVALID_JSON')).toBe(true);
    expect((caught as Error).message).toContain('prod/db');
    expect(JSON.stringify(caught)).not.toContain(PLANTED);
    expect((caught as Error).message).not.toContain(PLANTED);
    expect((caught as Error).cause).toBeUndefined();
  });
});

describe('validateSecret', () => {
  const Db = z.object({ host: z.string(), port: z.number() });

  it('returns the schema output', async () => {
    await expect(validateSecret(Db, { host: 'h', port: 1 }, 'id')).resolves.toEqual({ host: 'h', port: 1 });
  });

  it('throws SCHEMA_MISMATCH with paths and redacted messages', async () => {
    const caught = await validateSecret(Db, { host: 'h', port: PLANTED }, 'prod/db').catch((e: unknown) => e);
    expect(isSecretkitError(caught, 'SCHEMA_MISMATCH')).toBe(true);
    if (!isSecretkitError(caught, 'SCHEMA_MISMATCH')) return;
    expect(caught.details?.issues.map((i) => i.path)).toEqual(['port']);
    expect(JSON.stringify(caught)).not.toContain(PLANTED);
    expect(caught.message).not.toContain(PLANTED);
  });

  it('recognises Standard Schemas and nothing else', () => {
    expect(isStandardSchema(Db)).toBe(true);
    expect(isStandardSchema({ versionStage: 'AWSCURRENT' })).toBe(false);
    expect(isStandardSchema(undefined)).toBe(false);
  });
});
