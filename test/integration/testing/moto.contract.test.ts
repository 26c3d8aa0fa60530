/**
 * The shared Secrets Manager contract against moto (real SDK clients over HTTP). Assertions
 * where moto deviates from AWS are skipped for moto only; docs/testing.md lists them.
 */

import { defineSecretsManagerContract } from '../../contract/secrets-manager.contract.js';
import { smClient, useEmulator } from '../../support/aws.js';

useEmulator();

defineSecretsManagerContract('moto', (region) => smClient(region), undefined, { backend: 'moto' });
