/**
 * The shared Secrets Manager contract against the in-memory fake of `secretkit/testing`.
 */
import { InMemorySecretsManager } from '../../../src/testing/index.js';
import { defineSecretsManagerContract } from '../../contract/secrets-manager.contract.js';

const fake = new InMemorySecretsManager({ region: 'us-east-1', seed: 42 });

defineSecretsManagerContract(
  'in-memory fake',
  (region) => (region === undefined ? fake : fake.client(region)),
  () => fake.reset(),
  { backend: 'fake' },
);
