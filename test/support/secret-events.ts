/** EventBridge events of the documented Secrets Manager shapes (docs/fleet.md cites the sources). */

/** A CloudTrail "AWS API Call via CloudTrail" event, e.g. PutSecretValue or UpdateSecretVersionStage. */
export function apiCallEvent(eventName: string, secretId: string, arn: string, region = 'us-east-1'): object {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.secretsmanager',
    account: '123456789012',
    time: '2026-12-02T14:00:00Z',
    region,
    resources: [],
    detail: {
      eventVersion: '1.09',
      eventSource: 'secretsmanager.amazonaws.com',
      eventName,
      awsRegion: region,
      requestParameters: { secretId, clientRequestToken: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE' },
      responseElements: { arn },
      eventType: 'AwsApiCall',
      managementEvent: true,
    },
  };
}

/** A CloudTrail "AWS Service Event via CloudTrail" event, e.g. RotationSucceeded. */
export function serviceEvent(eventName: string, arn: string, region = 'us-east-1'): object {
  return {
    version: '0',
    id: '1f2e3d4c-0000-4cf7-a9f1-bf3703467718',
    'detail-type': 'AWS Service Event via CloudTrail',
    source: 'aws.secretsmanager',
    account: '123456789012',
    time: '2026-12-02T14:00:00Z',
    region,
    resources: [],
    detail: {
      eventVersion: '1.09',
      eventSource: 'secretsmanager.amazonaws.com',
      eventName,
      awsRegion: region,
      sourceIPAddress: 'secretsmanager.amazonaws.com',
      requestParameters: null,
      responseElements: null,
      additionalEventData: { SecretId: arn },
      eventType: 'AwsServiceEvent',
      managementEvent: true,
    },
  };
}

/** A native "Secret Label Updated" event. */
export function labelUpdatedEvent(name: string, arn: string, versionId: string): object {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467719',
    'detail-type': 'Secret Label Updated',
    source: 'aws.secretsmanager',
    account: '123456789012',
    time: '2026-12-02T14:00:00Z',
    region: 'us-east-1',
    resources: [arn],
    detail: { name, labelUpdated: 'AWSCURRENT', versionId },
  };
}
