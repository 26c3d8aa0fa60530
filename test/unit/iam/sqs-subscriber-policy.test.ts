import { describe, expect, it } from 'vitest';
import { eventBridgeQueuePolicy, sqsSubscriberPolicy } from '../../../src/iam/sqs-subscriber-policy.js';
import { thrownCode } from '../../support/errors.js';
import { ACCOUNT, accountRootKeyPolicy, decide, keyArn, via } from './simulate.js';

const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:secretkit-events`;
const OTHER_QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:orders`;
const KEY = keyArn('1234abcd-12ab-34cd-56ef-1234567890ab');
const identity = [sqsSubscriberPolicy({ queueArns: [QUEUE], kmsKeys: [KEY] })];

describe('sqsSubscriberPolicy (evaluated by a real IAM policy simulator)', () => {
  it('allows exactly what the subscriber does, on its queue only', async () => {
    for (const action of ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes']) {
      expect(await decide({ action, resource: QUEUE, identity })).toBe('Allowed');
      expect(await decide({ action, resource: OTHER_QUEUE, identity })).toBe('ImplicitlyDenied');
    }
    for (const action of ['sqs:SendMessage', 'sqs:PurgeQueue', 'sqs:DeleteQueue', 'sqs:SetQueueAttributes']) {
      expect(await decide({ action, resource: QUEUE, identity })).toBe('ImplicitlyDenied');
    }
  });

  it('decrypts an SSE-KMS queue key only via SQS in the queue region', async () => {
    const resourcePolicy = accountRootKeyPolicy();
    expect(
      await decide({
        action: 'kms:Decrypt',
        resource: KEY,
        identity,
        resourcePolicy,
        context: via('sqs.us-east-1.amazonaws.com'),
      }),
    ).toBe('Allowed');
    expect(
      await decide({
        action: 'kms:Decrypt',
        resource: KEY,
        identity,
        resourcePolicy,
        context: via('s3.us-east-1.amazonaws.com'),
      }),
    ).toBe('ImplicitlyDenied');
    expect(await decide({ action: 'kms:Decrypt', resource: KEY, identity, resourcePolicy })).toBe(
      'ImplicitlyDenied',
    );
  });

  it('rejects what is not a queue ARN', () => {
    expect(
      thrownCode(() => sqsSubscriberPolicy({ queueArns: ['arn:aws:sns:us-east-1:111122223333:t'] })),
    ).toBe('INVALID_ARGUMENT');
    expect(thrownCode(() => sqsSubscriberPolicy({ queueArns: [] }))).toBe('INVALID_ARGUMENT');
  });
});

describe('eventBridgeQueuePolicy', () => {
  const rule = `arn:aws:events:us-east-1:${ACCOUNT}:rule/secretkit-secret-changes`;
  const resourcePolicy = eventBridgeQueuePolicy({ queueArn: QUEUE, ruleArn: rule });

  it('lets EventBridge send from that rule only', async () => {
    const principal = 'events.amazonaws.com';
    expect(
      await decide({
        principal,
        action: 'sqs:SendMessage',
        resource: QUEUE,
        resourcePolicy,
        context: { 'aws:SourceArn': rule },
      }),
    ).toBe('Allowed');
    expect(
      await decide({
        principal,
        action: 'sqs:SendMessage',
        resource: QUEUE,
        resourcePolicy,
        context: { 'aws:SourceArn': `arn:aws:events:us-east-1:${ACCOUNT}:rule/other` },
      }),
    ).toBe('ImplicitlyDenied');
    expect(
      await decide({
        principal,
        action: 'sqs:ReceiveMessage',
        resource: QUEUE,
        resourcePolicy,
        context: { 'aws:SourceArn': rule },
      }),
    ).toBe('ImplicitlyDenied');
  });
});
