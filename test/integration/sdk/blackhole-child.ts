/**
 * Child process of blackhole.test.ts: calls AWS through a black-holed endpoint with the SDK's
 * default maxAttempts, prints what each call ended with, closes everything and lets the process
 * end on its own (no process.exit): if any socket, timer or SDK retry outlived close(), the
 * parent sees the process hang.
 */
import { SecretsAdmin } from '../../../src/admin/index.js';
import { SecretsClient } from '../../../src/index.js';

const endpoint = process.env['BLACKHOLE_ENDPOINT'] ?? '';
const clientConfig = {
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' },
};

const outcome = async (run: () => Promise<unknown>) => {
  try {
    await run();
    return 'resolved';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

const admin = new SecretsAdmin({ clientConfig, timeoutMs: 400 });
const reader = new SecretsClient({ clientConfig, regionTimeoutMs: 400, maxStaleMs: 0 });
const results: Record<string, string> = {};
results['putSecretValue'] = await outcome(() => admin.putSecretValue('bh/key', { string: 'x' }));
results['describeSecret'] = await outcome(() => admin.describeSecret('bh/key'));
results['listSecrets'] = await outcome(() => admin.listSecrets().next());
results['replicationStatus'] = await outcome(() => admin.replicationStatus('bh/key'));
results['getString'] = await outcome(() => reader.getString('bh/key'));

// A call with a long deadline, settled by close() instead.
const slow = new SecretsAdmin({ clientConfig, timeoutMs: 600_000 });
const pending = outcome(() => slow.createSecret({ name: 'bh/new', value: { string: 'x' } }));
await new Promise((resolve) => setTimeout(resolve, 100));
slow.close();
results['createSecretThenClose'] = await pending;

admin.close();
reader.close();
process.stdout.write(`${JSON.stringify(results)}\n`);
