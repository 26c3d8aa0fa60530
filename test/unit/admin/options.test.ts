/**
 * The admin client's options (src/admin/options.ts) and the hook that keeps readers coherent
 * (src/client/cache-hook.ts), against secretkit/testing's in-memory Secrets Manager.
 */
import { describe, expect, it } from 'vitest';
import { SecretsAdmin } from '../../../src/admin/index.js';
import { resolveAdminOptions } from '../../../src/admin/options.js';
import { SecretsClient } from '../../../src/index.js';
import { DEFAULT_CALL_TIMEOUT_MS } from '../../../src/sdk/send.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';
import { rejectedOption } from '../../support/errors.js';

describe('admin/options', () => {
  it('defaults the deadline and freezes what it returns', () => {
    const fake = new InMemorySecretsManager();
    const resolved = resolveAdminOptions({ client: fake, region: 'us-east-1' });
    expect(resolved.timeoutMs).toBe(DEFAULT_CALL_TIMEOUT_MS);
    expect(resolved.readers).toEqual([]);
    expect(resolved.onEvent).toBeUndefined();
    expect(resolved.regions.primaryRegion).toBe('us-east-1');
    expect(Object.isFrozen(resolved)).toBe(true);
    expect(Object.isFrozen(resolved.readers)).toBe(true);
  });

  it('copies the readers array: a later push by the caller changes nothing', () => {
    const fake = new InMemorySecretsManager();
    const reader = new SecretsClient({ client: fake, region: 'us-east-1' });
    const readers = [reader];
    const resolved = resolveAdminOptions({ client: fake, region: 'us-east-1', readers });
    readers.push(reader);
    expect(resolved.readers).toHaveLength(1);
    reader.close();
  });

  it.each([
    [{ ttlMs: 1 }, 'ttlMs'],
    [{ timeoutMS: 1_000 }, 'timeoutMS'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ timeoutMs: 2 ** 31 }, 'timeoutMs'],
    [{ timeoutMs: '5000' }, 'timeoutMs'],
    [{ readers: {} }, 'readers'],
    [{ readers: [{}] }, 'readers'],
    [{ readers: [null] }, 'readers'],
    [{ onEvent: 'log' }, 'onEvent'],
    [{ region: 'moon-base-1a' }, 'region'],
  ])('rejects %j by name, at construction', (extra, option) => {
    const fake = new InMemorySecretsManager();
    expect(
      rejectedOption(() => new SecretsAdmin({ client: fake, region: 'us-east-1', ...extra } as never)),
    ).toBe(option);
  });

  it('rejects options that are not an object', () => {
    expect(rejectedOption(() => new SecretsAdmin([] as never))).toBe('options');
    expect(rejectedOption(() => new SecretsAdmin('us-east-1' as never))).toBe('options');
  });
});

describe('admin writes keep the readers they were given coherent', () => {
  function setup() {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 'app/key', value: 'v1' });
    const reader = new SecretsClient({ client: fake, region: 'us-east-1', ttlMs: 300_000 });
    const other = new SecretsClient({ client: fake, region: 'us-east-1', ttlMs: 300_000 });
    const admin = new SecretsAdmin({ client: fake, region: 'us-east-1', readers: [reader] });
    const close = (): void => {
      reader.close();
      other.close();
      admin.close();
    };
    return { fake, reader, other, admin, close };
  }

  it('a write through the admin is seen by its reader at once, not by a reader it was not given', async () => {
    const { reader, other, admin, close } = setup();
    expect(await reader.getString('app/key')).toBe('v1');
    expect(await other.getString('app/key')).toBe('v1');
    await admin.putSecretValue('app/key', { string: 'v2' });
    expect(await reader.getString('app/key')).toBe('v2');
    // The other reader was not hooked: it serves its cached value until its TTL.
    expect(await other.getString('app/key')).toBe('v1');
    close();
  });

  it('a write by ARN is seen by a reader that read by name', async () => {
    const { fake, reader, admin, close } = setup();
    await reader.getString('app/key');
    const arn = (await admin.describeSecret('app/key')).arn;
    await admin.putSecretValue(arn, { string: 'v3' });
    const calls = fake.calls('GetSecretValue');
    expect(await reader.getString('app/key')).toBe('v3');
    expect(fake.calls('GetSecretValue')).toBe(calls + 1);
    close();
  });

  it('a delete makes the reader fail closed instead of serving the old value', async () => {
    const { reader, admin, close } = setup();
    await reader.getString('app/key');
    await admin.deleteSecret('app/key', { forceDeleteWithoutRecovery: true });
    await expect(reader.getString('app/key')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    close();
  });
});
