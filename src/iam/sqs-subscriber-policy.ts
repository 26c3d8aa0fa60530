/**
 * IAM for secretkit/fleet's SQS subscriber: the identity policy of the process that polls the
 * queue, and the queue policy that lets an EventBridge rule send Secrets Manager events to it.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { normalizePolicy } from './normalize.js';
import type { PolicyDocument, PolicyStatement } from './types.js';

/** What the subscriber does with its queue. */
export const SQS_SUBSCRIBER_ACTIONS: readonly string[] = [
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:ReceiveMessage',
];

const QUEUE_ARN = /^arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\d{12}):[A-Za-z0-9_-]{1,80}(\.fifo)?$/;

function checkQueueArn(arn: string, option: string): RegExpExecArray {
  const m = QUEUE_ARN.exec(arn);
  if (!m) throw new SecretkitError('INVALID_ARGUMENT', `${option}: "${arn}" is not an SQS queue ARN.`);
  return m;
}

/**
 * The identity policy of a process running the SQS subscriber: receive, delete and read the
 * attributes of exactly these queues; `kms:Decrypt` via SQS for the customer-managed keys of
 * queues encrypted with SSE-KMS.
 *
 * @param options - `queueArns`; `kmsKeys` of SSE-KMS queues (key ARNs)
 * @throws SecretkitError `INVALID_ARGUMENT` for an ARN that is not a queue's
 */
export function sqsSubscriberPolicy(options: {
  readonly queueArns: readonly string[];
  readonly kmsKeys?: readonly string[] | undefined;
}): PolicyDocument {
  if (options.queueArns.length === 0) throw new SecretkitError('INVALID_ARGUMENT', '`queueArns` is empty.');
  const regions = new Set<string>();
  for (const arn of options.queueArns) regions.add(checkQueueArn(arn, 'queueArns')[1] as string);
  const statements: PolicyStatement[] = [
    { Effect: 'Allow', Action: SQS_SUBSCRIBER_ACTIONS, Resource: [...options.queueArns] },
  ];
  const keys = options.kmsKeys ?? [];
  if (keys.length > 0) {
    statements.push({
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: [...keys],
      Condition: { StringEquals: { 'kms:ViaService': [...regions].map((r) => `sqs.${r}.amazonaws.com`) } },
    });
  }
  return normalizePolicy(statements);
}

/**
 * The queue policy that lets one EventBridge rule deliver to the queue (`sqs:SendMessage` by
 * `events.amazonaws.com`, only for that rule: `aws:SourceArn`).
 *
 * @param options - `queueArn`, `ruleArn`
 * @throws SecretkitError `INVALID_ARGUMENT` for a bad queue ARN or rule ARN
 */
export function eventBridgeQueuePolicy(options: {
  readonly queueArn: string;
  readonly ruleArn: string;
}): PolicyDocument {
  checkQueueArn(options.queueArn, 'queueArn');
  if (!/^arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:rule\/.+$/.test(options.ruleArn)) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `ruleArn: "${options.ruleArn}" is not an EventBridge rule ARN.`,
    );
  }
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: options.queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': options.ruleArn } },
      },
    ],
  };
}
