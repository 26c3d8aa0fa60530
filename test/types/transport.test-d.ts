/**
 * Type tests of the `transport` option (issue #10): 'sdk' or what `agentTransport()` makes;
 * neither the 0.1 strings nor a look-alike object nor the 0.1 `agent` option type-check.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { type AgentTransport, type AgentTransportOptions, agentTransport } from '../../src/fleet/index.js';
import type { SecretsClientOptions } from '../../src/index.js';

type TransportOption = SecretsClientOptions['transport'];

describe('the transport option', () => {
  it("is 'sdk', an AgentTransport or undefined", () => {
    expectTypeOf<TransportOption>().toEqualTypeOf<'sdk' | AgentTransport | undefined>();
    expectTypeOf(agentTransport()).toEqualTypeOf<AgentTransport>();
    expectTypeOf(agentTransport({ mode: 'auto', endpoint: 'http://localhost:2773' })).toExtend<
      NonNullable<TransportOption>
    >();
  });

  it("takes neither 'agent' nor 'auto', nor a look-alike object", () => {
    expectTypeOf<'agent'>().not.toExtend<TransportOption>();
    expectTypeOf<'auto'>().not.toExtend<TransportOption>();
    expectTypeOf<{ kind: 'agent'; mode: 'agent' }>().not.toExtend<TransportOption>();
  });

  it("agentTransport's mode is 'agent' or 'auto'; the agent option is gone", () => {
    expectTypeOf<AgentTransportOptions['mode']>().toEqualTypeOf<'agent' | 'auto' | undefined>();
    expectTypeOf<{ agent: object }>().not.toExtend<SecretsClientOptions>();
    // @ts-expect-error: 'sdk' is the default of the client, not a mode of agentTransport
    agentTransport({ mode: 'sdk' });
  });
});
