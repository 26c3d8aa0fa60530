/** A real SecretsManagerClient (us-east-1, dummy credentials) with aws-sdk-client-mock answering for AWS. */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';

export function mockedSecretsManager(): {
  readonly sdk: SecretsManagerClient;
  readonly sm: AwsClientStub<SecretsManagerClient>;
} {
  const sdk = new SecretsManagerClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  return { sdk, sm: mockClient(sdk) };
}
