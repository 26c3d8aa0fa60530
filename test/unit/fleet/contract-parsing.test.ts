import { describe, expect, it } from 'vitest';
import { parseSecretEvent } from '../../../src/fleet/secret-event.js';
import { readAgentAnswer } from '../../../src/transport/agent-answer.js';
import { agentEndpoint, agentPresent } from '../../../src/transport/agent-endpoint.js';
import { thrownCode } from '../../support/errors.js';
import { apiCallEvent, labelUpdatedEvent, serviceEvent } from '../../support/secret-events.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf';

describe('parseSecretEvent', () => {
  it('reads the secret from each documented shape', () => {
    expect(parseSecretEvent(apiCallEvent('PutSecretValue', 'app/db', ARN))).toEqual({
      kind: 'change',
      eventName: 'PutSecretValue',
      secretIds: ['app/db', ARN],
    });
    expect(parseSecretEvent(serviceEvent('RotationSucceeded', ARN))).toMatchObject({
      kind: 'change',
      secretIds: [ARN],
    });
    expect(parseSecretEvent(JSON.stringify(labelUpdatedEvent('app/db', ARN, 'v')))).toMatchObject({
      kind: 'change',
      secretIds: ['app/db', ARN],
    });
    const old = apiCallEvent('UpdateSecretVersionStage', 'app/db', ARN) as {
      detail: { responseElements: object };
    };
    old.detail.responseElements = { aRN: ARN }; // events before February 2024
    expect(parseSecretEvent(old)).toMatchObject({ kind: 'change', secretIds: ['app/db', ARN] });
  });

  it('ignores reads, failed calls and other sources; flags malformed events', () => {
    expect(parseSecretEvent(apiCallEvent('GetSecretValue', 'app/db', ARN)).kind).toBe('ignored');
    const failed = apiCallEvent('PutSecretValue', 'app/db', ARN) as { detail: Record<string, unknown> };
    failed.detail['errorCode'] = 'AccessDenied';
    expect(parseSecretEvent(failed).kind).toBe('ignored');
    expect(parseSecretEvent({ 'detail-type': 'x', source: 'aws.ec2', detail: {} }).kind).toBe('ignored');
    for (const bad of [
      null,
      42,
      '{',
      [],
      { detail: {} },
      { 'detail-type': 'AWS API Call via CloudTrail', detail: {} },
    ]) {
      expect(parseSecretEvent(bad).kind).toBe('malformed');
    }
  });
});

describe('readAgentAnswer', () => {
  it('decodes a value, binary and CreatedDate', () => {
    const v = readAgentAnswer(
      200,
      JSON.stringify({
        Name: 'n',
        ARN,
        VersionId: 'v',
        SecretBinary: 'AQL/',
        CreatedDate: '1700000000.5',
        VersionStages: ['AWSCURRENT'],
      }),
    );
    expect(v.kind).toBe('value');
    if (v.kind !== 'value') return;
    expect([...(v.output.SecretBinary ?? [])]).toEqual([1, 2, 255]);
    expect(v.output.CreatedDate?.getTime()).toBe(1_700_000_000_500);
  });

  it('passes AWS answers through, falls back on the Agent’s own faults, retries not-ready', () => {
    const nf = readAgentAnswer(400, '{"__type":"ResourceNotFoundException","message":"no"}');
    expect(nf.kind === 'aws-error' && nf.error.name).toBe('ResourceNotFoundException');
    expect(readAgentAnswer(500, '{"__type":"InternalFailure"}').kind).toBe('server-error');
    expect(readAgentAnswer(502, '{"__type":"ConnectionError","message":"Read Error"}').kind).toBe(
      'server-error',
    );
    expect(readAgentAnswer(429, 'Connection limit exceeded').kind).toBe('server-error');
    expect(readAgentAnswer(400, 'not ready to serve traffic, please wait').kind).toBe('not-ready');
    expect(readAgentAnswer(403, 'Bad Token').kind).toBe('rejected');
    expect(readAgentAnswer(400, 'Forwarded').kind).toBe('rejected');
  });
});

describe('agent endpoint and presence', () => {
  it('uses 2773, the extension port variable, or the option', () => {
    expect(agentEndpoint(undefined, {})).toBe('http://localhost:2773');
    expect(agentEndpoint(undefined, { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2999' })).toBe(
      'http://localhost:2999',
    );
    expect(agentEndpoint({ endpoint: 'http://127.0.0.1:9/x' }, {})).toBe('http://127.0.0.1:9');
    expect(
      thrownCode(() => agentEndpoint(undefined, { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '70000' })),
    ).toBe('INVALID_ARGUMENT');
    expect(thrownCode(() => agentEndpoint({ endpoint: 'https://x' }, {}))).toBe('INVALID_ARGUMENT');
  });

  it('auto: an Agent shows by AWS_TOKEN or the extension variables in Lambda', () => {
    expect(agentPresent(undefined, { AWS_TOKEN: 'x' })).toBe(true);
    expect(
      agentPresent(undefined, {
        AWS_LAMBDA_FUNCTION_NAME: 'f',
        PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED: 'true',
      }),
    ).toBe(true);
    expect(agentPresent(undefined, { AWS_SESSION_TOKEN: 'x' })).toBe(false);
  });
});
