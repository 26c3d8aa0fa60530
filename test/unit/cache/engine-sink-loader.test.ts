/**
 * Loaders that settle the engine's sink themselves (`SETTLES_SINK`): the client's miss path,
 * with no promise between the SDK's and the flight's. The sink stores, counts and settles as a
 * promise-returning loader's result does; a second outcome is ignored; a synchronous settle or
 * a throw is never a throw out of `get`.
 */
import { describe, expect, it } from 'vitest';
import { type LoadSink, SETTLES_SINK, type SinkLoader } from '../../../src/cache/types.js';
import { fault, setup, types } from './fakes.js';

/** A sink loader that runs `body` with the engine's sink. */
const sinkLoader =
  (body: (sink: LoadSink<string>) => void): SinkLoader<string> =>
  (_signal, sink) => {
    body(sink);
    return SETTLES_SINK;
  };

describe('a sink loader', () => {
  it('settles the read later, stores the value and serves hits', async () => {
    const { engine, events } = setup();
    let sink: LoadSink<string> | undefined;
    let calls = 0;
    const loader = sinkLoader((given) => {
      calls += 1;
      sink = given;
    });
    const read = engine.get('k', loader);
    const joined = engine.get('k', loader);
    expect(engine.stats().inFlight).toBe(1);
    sink?.loaded({ value: 'v1', sizeBytes: 2 });
    sink?.loaded({ value: 'late', sizeBytes: 2 });
    sink?.failed(new Error('late'));
    expect(await Promise.all([read, joined])).toEqual(['v1', 'v1']);
    expect(await engine.get('k', loader)).toBe('v1');
    expect(calls).toBe(1);
    expect(types(events)).toEqual(['miss', 'miss', 'loaded', 'hit']);
    expect(engine.stats()).toMatchObject({ entries: 1, inFlight: 0, loadErrors: 0 });
  });

  it('may settle synchronously, with a value or a failure', async () => {
    const { engine } = setup();
    const value = await engine.get(
      'a',
      sinkLoader((sink) => sink.loaded({ value: 'now', sizeBytes: 3 })),
    );
    expect(value).toBe('now');
    const failing = engine.get(
      'b',
      sinkLoader((sink) => sink.failed(fault())),
    );
    await expect(failing).rejects.toThrow('Rate exceeded');
    expect(engine.stats()).toMatchObject({ loadErrors: 1, inFlight: 0 });
  });

  it('a loader that throws is a rejection of the read, never a throw', async () => {
    const { engine } = setup();
    let outcome: Promise<string> | undefined;
    expect(() => {
      outcome = engine.get(
        'k',
        sinkLoader(() => {
          throw new Error('broken loader');
        }),
      );
    }).not.toThrow();
    await expect(outcome).rejects.toThrow('broken loader');
    expect(engine.stats().inFlight).toBe(0);
  });

  it('a malformed result fails the read instead of hanging it', async () => {
    const { engine } = setup();
    const read = engine.get(
      'k',
      sinkLoader((sink) => queueMicrotask(() => sink.loaded(undefined as never))),
    );
    await expect(read).rejects.toThrow();
    expect(engine.stats().inFlight).toBe(0);
  });

  it('close() settles a read whose sink is never settled', async () => {
    const { engine } = setup();
    const read = engine.get(
      'k',
      sinkLoader(() => undefined),
    );
    engine.close();
    await expect(read).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
  });
});
