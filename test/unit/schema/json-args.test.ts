/**
 * getJson's second argument is a Standard Schema or read options, and nothing else: a schema
 * library without Standard Schema (zod before 3.24, Joi 17, yup before 1.7) or an object with
 * unknown keys is rejected by name, never taken as options (which would skip validation).
 */
import Joi from 'joi-17';
import { describe, expect, it } from 'vitest';
import * as yup from 'yup-1-6';
import { z } from 'zod';
import { z as zod323 } from 'zod-3-23';
import { isSecretkitError, type StandardSchemaV1 } from '../../../src/index.js';
import { jsonArgsError, schemaArgError } from '../../../src/schema/json-args.js';
import { clientWith, rejectionOf } from './support.js';

const notSchemas: Array<[string, unknown, RegExp]> = [
  ['zod 3.23', zod323.object({ port: zod323.number() }), /a zod schema without Standard Schema.*3\.24/],
  ['Joi 17', Joi.object({ port: Joi.number() }), /a Joi schema without Standard Schema.*Joi 18/],
  ['yup 1.6', yup.object({ port: yup.number() }), /a yup schema without Standard Schema.*yup 1\.7/],
  [
    'an object with unknown keys',
    { versionStage: 'AWSCURRENT', ttlMs: 5, stage: 'x' },
    /an object with unknown keys "ttlMs", "stage"/,
  ],
  ['a `~standard` without validate', { '~standard': { version: 1 } }, /no `validate` function/],
  ['a string', 'AWSPREVIOUS', /got a string/],
  ['null', null, /got null/],
  ['a function', () => 1, /got a function/],
  ['an array', [1], /got an array/],
  ['a Map', new Map(), /got a Map/],
];

describe('jsonArgsError (pure)', () => {
  it('accepts a schema, read options, or nothing', () => {
    expect(jsonArgsError('getJson', undefined, undefined)).toBeUndefined();
    expect(jsonArgsError('getJson', z.string(), undefined)).toBeUndefined();
    expect(
      jsonArgsError('getJson', z.string(), { versionStage: 'AWSPREVIOUS', forceRefresh: true }),
    ).toBeUndefined();
    expect(jsonArgsError('getJson', { versionId: 'v1' }, undefined)).toBeUndefined();
    expect(jsonArgsError('getJson', Object.create(null) as object, undefined)).toBeUndefined();
  });

  for (const [name, value, message] of notSchemas) {
    it(`names ${name}`, () => {
      const error = jsonArgsError('getJson', value, undefined);
      expect(isSecretkitError(error, 'INVALID_ARGUMENT')).toBe(true);
      expect(error?.message).toMatch(/^getJson: the second argument must be a Standard Schema/);
      expect(error?.message).toMatch(message);
    });
  }

  it('rejects options with unknown keys after a schema, and options in third place without a schema', () => {
    expect(jsonArgsError('getJson', z.string(), { ttl: 1 })?.message).toMatch(
      /getJson: the third argument.*unknown key "ttl"/,
    );
    expect(jsonArgsError('getJson', { versionStage: 'a' }, { forceRefresh: true })?.message).toMatch(
      /third argument is given, so the second must be a Standard Schema/,
    );
    expect(jsonArgsError('getJson', undefined, { forceRefresh: true })?.message).toMatch(
      /third argument is given, so the second must be a Standard Schema/,
    );
  });

  it('does not quote a string argument (it might be a value)', () => {
    expect(jsonArgsError('getJson', 'hunter2-secret', undefined)?.message).not.toContain('hunter2');
  });

  it('never throws, even for a `~standard` getter or a Proxy that throws', () => {
    const getter = Object.defineProperty({}, '~standard', {
      get() {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
        get() {
          throw new Error('boom');
        },
      },
    );
    for (const value of [getter, proxy]) {
      expect(() => jsonArgsError('getJson', value, undefined)).not.toThrow();
      expect(isSecretkitError(jsonArgsError('getJson', value, undefined), 'INVALID_ARGUMENT')).toBe(true);
    }
  });

  it('schemaArgError requires a schema', () => {
    expect(schemaArgError('secret.json', z.string())).toBeUndefined();
    expect(schemaArgError('secret.json', undefined)?.message).toMatch(
      /secret\.json: the second argument.*got undefined/,
    );
    expect(schemaArgError('secret.json', { versionStage: 'a' })?.message).toMatch(/got an object/);
  });
});

describe('getJson with something that is not a schema', () => {
  for (const [name, value, message] of notSchemas) {
    it(`${name}: rejects INVALID_ARGUMENT naming it, with no AWS call and no synchronous throw`, async () => {
      const { client, fake } = clientWith({ db: { port: 'not-a-number' } });
      let promise: Promise<unknown> | undefined;
      expect(() => {
        promise = client.getJson('db', value as StandardSchemaV1);
      }).not.toThrow();
      const error = await rejectionOf(promise as Promise<unknown>);
      expect(isSecretkitError(error, 'INVALID_ARGUMENT')).toBe(true);
      expect((error as Error).message).toMatch(message);
      expect(fake.calls('GetSecretValue')).toBe(0);
      client.close();
    });
  }

  it('read options alone still read without a schema', async () => {
    const { client } = clientWith({ db: { port: 1 } });
    expect(await client.getJson('db', { versionStage: 'AWSCURRENT' })).toEqual({ port: 1 });
    client.close();
  });
});
