/**
 * The SQS subscriber against the emulator's SQS (moto serves every service on one endpoint),
 * with events of the documented shapes put on the queue by the test.
 */
import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { type SqsSubscriber, subscribeToSecretEvents } from '../../../src/fleet/index.js';
import { SecretsClient } from '../../../src/index.js';
import { emulatorConfig, smClient, useEmulator } from '../../support/aws.js';
import { apiCallEvent, labelUpdatedEvent, serviceEvent } from '../../support/secret-events.js';
import { exampleEnv, startExample } from '../examples/child.js';

describe('SQS subscriber on the emulator', () => {
  useEmulator();
  const open: { close(): unknown }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close();
  });

  async function queue(): Promise<{ sqs: SQSClient; url: string }> {
    const sqs = new SQSClient(emulatorConfig());
    const out = await sqs.send(new CreateQueueCommand({ QueueName: `secretkit-events-${Date.now()}` }));
    return { sqs, url: out.QueueUrl as string };
  }
  function readers(n: number): SecretsClient[] {
    const made = Array.from(
      { length: n },
      () => new SecretsClient({ clientConfig: emulatorConfig(), ttlMs: 3_600_000 }),
    );
    open.push(...made);
    return made;
  }
  function subscribe(url: string, clients: SecretsClient[], extra: object = {}): SqsSubscriber {
    const sub = subscribeToSecretEvents({
      queueUrl: url,
      clients,
      sqs: emulatorConfig(),
      waitTimeSeconds: 1,
      ...extra,
    });
    open.push(sub);
    return sub;
  }

  it('after a rotation event, every reader sharing the subscriber serves the new version within one poll', async () => {
    const created = await smClient().send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'v1' }));
    const arn = created.ARN as string;
    const { sqs, url } = await queue();
    const clients = readers(3);
    // Each reader knows the secret under another id: name, full ARN, partial ARN.
    const ids = ['app/db', arn, arn.slice(0, -7)];
    for (const [i, c] of clients.entries()) expect(await c.getString(ids[i] as string)).toBe('v1');
    const sub = subscribe(url, clients);
    await sub.nextPoll();
    await smClient().send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'v2' }));
    // Without the event the caches (1 h TTL) keep v1.
    for (const [i, c] of clients.entries()) expect(await c.getString(ids[i] as string)).toBe('v1');
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: JSON.stringify(serviceEvent('RotationSucceeded', arn)),
      }),
    );
    while (sub.stats().deleted < 1) await sub.nextPoll();
    for (const [i, c] of clients.entries()) expect(await c.getString(ids[i] as string)).toBe('v2');
    expect(sub.stats()).toMatchObject({ received: 1, applied: 1, deleted: 1, malformed: 0 });
    const attrs = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    expect(attrs.Attributes).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('applies each documented shape; ignores other secrets and unknown types; drops and counts malformed ones', async () => {
    const created = await smClient().send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'v1' }));
    await smClient().send(new CreateSecretCommand({ Name: 'app/other', SecretString: 'o1' }));
    const arn = created.ARN as string;
    const { sqs, url } = await queue();
    const [client] = readers(1) as [SecretsClient];
    const errors: unknown[] = [];
    const sub = subscribe(url, [client], { onError: (e: unknown) => errors.push(e) });
    const bodies = [
      'not json at all',
      JSON.stringify({
        'detail-type': 'AWS API Call via CloudTrail',
        source: 'aws.secretsmanager',
        detail: { eventName: 'PutSecretValue' },
      }),
      JSON.stringify({
        'detail-type': 'EC2 Instance State-change Notification',
        source: 'aws.ec2',
        detail: {},
      }),
      JSON.stringify(apiCallEvent('GetSecretValue', 'app/db', arn)),
      JSON.stringify(
        apiCallEvent(
          'PutSecretValue',
          'app/other',
          'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/other-AbCdEf',
        ),
      ),
      JSON.stringify(apiCallEvent('UpdateSecretVersionStage', 'app/db', arn)),
      JSON.stringify({
        Type: 'Notification',
        Message: JSON.stringify(labelUpdatedEvent('app/db', arn, 'v-2')),
      }),
    ];
    for (const body of bodies) await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
    await client.getString('app/db');
    while (sub.stats().deleted < bodies.length) await sub.nextPoll();
    expect(sub.stats()).toMatchObject({ received: 7, malformed: 2, ignored: 2, applied: 3, deleted: 7 });
    expect(errors).toEqual([]);
    // The loop is alive after the malformed ones: a later event still applies.
    expect(await client.getString('app/db')).toBe('v1');
    await smClient().send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'v2' }));
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: JSON.stringify(apiCallEvent('PutSecretValue', 'app/db', arn)),
      }),
    );
    while (sub.stats().deleted < 8) await sub.nextPoll();
    expect(await client.getString('app/db')).toBe('v2');
  });

  it('survives faults with backoff (a queue that does not exist), and close() ends the loop', async () => {
    const [client] = readers(1) as [SecretsClient];
    const errors: unknown[] = [];
    const sub = subscribe('http://127.0.0.1:1/123456789012/none', [client], {
      sqs: { ...emulatorConfig(), endpoint: 'http://127.0.0.1:1' },
      backoffBaseMs: 1,
      backoffMaxMs: 2,
      onError: (e: unknown) => errors.push(e),
    });
    while (sub.stats().faults < 3) await sub.nextPoll();
    await sub.close();
    const polls = sub.stats().polls;
    expect(errors.length).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(sub.stats().polls).toBe(polls);
  });

  it('close() stops polling and the process exits; an idle subscriber keeps no process alive', async () => {
    const { url } = await queue();
    for (const mode of ['close', 'idle']) {
      const child = startExample(
        'test/integration/fleet/sqs-child.ts',
        exampleEnv({ QUEUE_URL: url, MODE: mode }),
      );
      await child.waitFor(/polling/);
      // The long poll waits 20 s: exiting well before that shows it was aborted (close) or unref'd (idle).
      expect(await child.exited(15_000)).toBe(0);
      expect(child.stdout()).toContain(mode === 'close' ? 'closed' : 'main done');
    }
  });
});
