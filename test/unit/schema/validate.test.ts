/**
 * What getJson does with whatever a schema's `validate` does: throws, rejects, returns a
 * thenable or another realm's Promise, returns something that is not a result, or has a
 * `~standard` that cannot even be read.
 */
import { runInNewContext } from 'node:vm';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { z as z3 } from 'zod/v3';
import { isSecretkitError, type StandardSchemaV1 } from '../../../src/index.js';
import { validateSecret } from '../../../src/schema/validate.js';
import { clientWith, everything, rejectionOf } from './support.js';

const VALUE = 'hunter2-0c1d7e-not-json';

function custom(validate: (value: unknown) => unknown): StandardSchemaV1<unknown, unknown> {
  return { '~standard': { version: 1, vendor: 'test', validate } } as StandardSchemaV1<unknown, unknown>;
}

type Then = (resolve: (r: unknown) => void, reject: (e: unknown) => void) => void;

/** A thenable that is no Promise (as some libraries return), built without a `then` literal. */
function thenableOf(then: Then): PromiseLike<unknown> {
  return Object.defineProperty({}, 'then', { value: then, enumerable: true }) as PromiseLike<unknown>;
}

function expectSchemaMismatchWithoutValue(error: unknown, planted: string = VALUE): void {
  expect(isSecretkitError(error, 'SCHEMA_MISMATCH')).toBe(true);
  expect((error as Error).cause).toBeUndefined();
  expect(everything(error)).not.toContain(planted);
}

describe('schema code that throws or rejects', () => {
  const throwing: Array<[string, StandardSchemaV1]> = [
    ['a zod 4 transform (JSON.parse)', z.string().transform((s) => JSON.parse(s) as unknown)],
    [
      'a zod 4 refine',
      z.string().refine((s) => {
        throw new RangeError(`bad ${s}`);
      }),
    ],
    [
      'a zod 4 async transform',
      z.string().transform(async (s) => {
        throw new Error(`no ${s}`);
      }),
    ],
    ['a zod 3 transform (JSON.parse)', z3.string().transform((s) => JSON.parse(s) as unknown)],
    [
      'a valibot transform',
      v.pipe(
        v.string(),
        v.transform((s) => JSON.parse(s) as unknown),
      ),
    ],
    [
      'a custom validate that throws',
      custom((value) => {
        throw new TypeError(`cannot use ${String(value)}`);
      }),
    ],
    ['a custom validate that rejects', custom((value) => Promise.reject(new Error(`no ${String(value)}`)))],
    [
      'a custom validate that throws the value itself',
      custom((value) => {
        throw value;
      }),
    ],
    [
      'a custom validate that throws an error named after the value',
      custom((value) => {
        throw Object.assign(new Error('x'), { name: String(value) });
      }),
    ],
  ];

  for (const [name, schema] of throwing) {
    it(`${name}: becomes SCHEMA_MISMATCH, with no value and no cause`, async () => {
      const { client } = clientWith({ app: VALUE });
      const error = await rejectionOf(client.getJson('app', schema));
      expectSchemaMismatchWithoutValue(error);
      expect((error as Error).message).toMatch(/Secret "app" could not be validated: the schema threw/);
      client.close();
    });
  }

  it('names the built-in error class it threw, never its message', async () => {
    const error = await rejectionOf(
      validateSecret(
        z.string().transform((s) => JSON.parse(s) as unknown),
        VALUE,
        'app',
      ),
    );
    expect((error as Error).message).toContain('a SyntaxError');
    expect((error as { details: { issues: unknown[] } }).details.issues).toEqual([
      { path: '', message: 'the schema threw a SyntaxError (its message is not shown)' },
    ]);
  });
});

describe('a validate that returns a thenable or another realm’s Promise', () => {
  const failure = { issues: [{ message: 'Expected number', path: ['port'] }] };
  const thenable = (result: unknown) => custom(() => thenableOf((resolve) => resolve(result)));
  const otherRealm = (result: unknown) =>
    custom(() => runInNewContext('Promise.resolve(result)', { result }) as unknown);

  it('the other realm really has its own Promise', () => {
    expect(runInNewContext('Promise.resolve(1)') instanceof Promise).toBe(false);
  });

  for (const [name, make] of [
    ['a thenable', thenable],
    ['a cross-realm Promise', otherRealm],
  ] as const) {
    it(`${name} resolving to issues rejects with SCHEMA_MISMATCH, read after read (nothing cached)`, async () => {
      const { client } = clientWith({ db: { host: 'localhost' } });
      const schema = make(failure);
      for (let i = 0; i < 2; i += 1) {
        const error = await rejectionOf(client.getJson('db', schema));
        expect(isSecretkitError(error, 'SCHEMA_MISMATCH')).toBe(true);
        expect((error as { details: unknown }).details).toEqual({
          issues: [{ path: 'port', message: 'Expected number' }],
        });
      }
      client.close();
    });

    it(`${name} resolving to a value gives that value`, async () => {
      const { client } = clientWith({ db: { port: 5432 } });
      expect(await client.getJson('db', make({ value: { port: 1 } }))).toEqual({ port: 1 });
      client.close();
    });
  }

  it('a thenable that rejects becomes SCHEMA_MISMATCH without the value', async () => {
    const { client } = clientWith({ app: VALUE });
    const schema = custom((value) => thenableOf((_, reject) => reject(new Error(String(value)))));
    expectSchemaMismatchWithoutValue(await rejectionOf(client.getJson('app', schema)));
    client.close();
  });
});

describe('malformed schema results', () => {
  const malformed: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an empty object', {}],
    ['issues that are not an array', { issues: 'wrong' }],
    ['a thenable of null', thenableOf((resolve) => resolve(null))],
  ];
  for (const [name, result] of malformed) {
    it(`${name} rejects with SCHEMA_MISMATCH, never resolves`, async () => {
      const { client } = clientWith({ app: { password: VALUE } });
      const schema = custom(() => result);
      for (let i = 0; i < 2; i += 1) {
        const error = await rejectionOf(client.getJson('app', schema));
        expectSchemaMismatchWithoutValue(error);
        expect((error as Error).message).toMatch(/returned neither a value nor issues/);
      }
      client.close();
    });
  }

  it('issues without messages or with odd paths still give SCHEMA_MISMATCH', async () => {
    const error = await rejectionOf(
      validateSecret(
        custom(() => ({ issues: [{ message: 7, path: 'port' }, null, { path: [{ key: 'port' }, 3] }] })),
        { port: [1, 2, 3, 4] },
        'db',
      ),
    );
    expect(isSecretkitError(error, 'SCHEMA_MISMATCH')).toBe(true);
    expect((error as { details: unknown }).details).toEqual({
      issues: [
        { path: '', message: '(no message)' },
        { path: '', message: '(no message)' },
        { path: '[redacted].3', message: '(no message)' },
      ],
    });
  });

  it('an issue list whose reading throws gives SCHEMA_MISMATCH', async () => {
    const issues = new Proxy([], {
      get() {
        throw new Error(VALUE);
      },
    });
    const error = await rejectionOf(
      validateSecret(
        custom(() => ({ issues })),
        VALUE,
        'app',
      ),
    );
    expectSchemaMismatchWithoutValue(error);
  });
});

describe('a `~standard` that cannot be read', () => {
  const throwingGetter = {
    get '~standard'(): never {
      throw new Error('getter exploded');
    },
  } as unknown as StandardSchemaV1;

  it('getJson returns a rejected INVALID_ARGUMENT, never throws synchronously', async () => {
    const { client } = clientWith({ app: { a: 1 } });
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = client.getJson('app', throwingGetter);
    }).not.toThrow();
    const error = await rejectionOf(promise as Promise<unknown>);
    expect(isSecretkitError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as Error).message).toMatch(/`~standard` threw when read/);
    client.close();
  });

  it('validateSecret rejects with INVALID_ARGUMENT', async () => {
    const error = await rejectionOf(validateSecret(throwingGetter, {}, 'app'));
    expect(isSecretkitError(error, 'INVALID_ARGUMENT')).toBe(true);
  });
});

describe('zod runs each transform once', () => {
  it('an async transform that rejects is called once, and its rejection is caught (zod 4, mini, 3)', async () => {
    const { client } = clientWith({ app: VALUE });
    let calls = 0;
    const reject = async (value: unknown): Promise<never> => {
      calls += 1;
      throw new SyntaxError(String(value));
    };
    const schemas: StandardSchemaV1[] = [
      z.unknown().transform(reject),
      zm.pipe(zm.unknown(), zm.transform(reject)),
      z3.unknown().transform(reject),
    ];
    for (const schema of schemas) {
      calls = 0;
      expectSchemaMismatchWithoutValue(await rejectionOf(client.getJson('app', schema)));
      // zod's own `~standard.validate` calls it twice and drops the first rejection (unhandled).
      expect(calls).toBe(1);
    }
    client.close();
  });
});
