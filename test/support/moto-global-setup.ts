/**
 * vitest globalSetup for the integration project: one moto server for the whole run,
 * its endpoint given to the tests as `inject('motoEndpoint')`.
 */
import type { TestProject } from 'vitest/node';
import { startMoto } from '../../scripts/lib/moto-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    motoEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const moto = await startMoto();
  project.provide('motoEndpoint', moto.endpoint);
  return () => moto.stop();
}
