/**
 * Per-call abort signals linked to long-lived ones (a client's close signal, a loader's signal)
 * without `AbortSignal.any`: on Node 20 a composite signal made from a long-lived source stays
 * reachable from it, so one per AWS call grows the heap without bound (three EventTargets and a
 * WeakRef per call, measured by test/support/memory-probe.ts). Here each call adds one listener
 * per source and removes it when the call ends.
 */

/**
 * Aborts `controller` (with the source's reason) when any source aborts.
 *
 * @param controller - the per-call controller
 * @param sources - long-lived signals (undefined entries are skipped)
 * @returns unlink: removes the listeners (call it when the call ends)
 */
export function linkSignals(
  controller: AbortController,
  sources: ReadonlyArray<AbortSignal | undefined>,
): () => void {
  const linked: Array<[AbortSignal, () => void]> = [];
  for (const source of sources) {
    if (source === undefined) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const onAbort = (): void => controller.abort(source.reason);
    source.addEventListener('abort', onAbort, { once: true });
    linked.push([source, onAbort]);
  }
  return () => {
    for (const [source, onAbort] of linked) source.removeEventListener('abort', onAbort);
  };
}

/**
 * Runs `run` with a signal that aborts when any source does; the link ends with the call.
 *
 * @param sources - the signals to follow
 * @param run - the call, given the linked signal
 */
export async function withLinkedSignal<T>(
  sources: ReadonlyArray<AbortSignal | undefined>,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const unlink = linkSignals(controller, sources);
  try {
    return await run(controller.signal);
  } finally {
    unlink();
  }
}
