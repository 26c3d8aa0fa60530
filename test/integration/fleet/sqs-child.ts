/**
 * Child process of sqs-subscriber.test.ts: subscribes with a 20 s long poll, then either
 * closes (MODE=close) or simply finishes its main work (MODE=idle). Either way it must exit.
 */
import { subscribeToSecretEvents } from '../../../src/fleet/index.js';
import { SecretsClient } from '../../../src/index.js';

const client = new SecretsClient({});
const sub = subscribeToSecretEvents({
  queueUrl: process.env['QUEUE_URL'] ?? '',
  clients: [client],
  waitTimeSeconds: 20,
});
console.log('polling');
if (process.env['MODE'] === 'close') {
  await new Promise((r) => setTimeout(r, 300));
  await sub.close();
  client.close();
  console.log('closed');
} else {
  console.log('main done');
}
