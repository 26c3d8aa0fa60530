/**
 * Abort signals shared by the SDK calls of attempts that start close together in one region
 * (issue #16, the miss path). On Node 20 a fresh `AbortController` whose signal gets a listener
 * (the SDK's retry middleware adds one to every signal it is given) costs several µs per call,
 * more than the rest of a cache miss; sharing one per window of {@link windowMs} makes it a
 * small constant per window.
 *
 * What it trades: a shared signal cannot abort one call alone, so it is used only where no
 * single call needs it (reads without hedging: a read's attempts run one after another). Each
 * attempt keeps its own exact deadline (failover/deadline.ts): the read settles at its
 * `regionTimeoutMs`. The shared signal aborts the SDK's requests of its window once the last
 * of their deadlines passed, at most {@link windowMs} after each one's own. `close()` aborts
 * every live one at once.
 *
 * A window nobody uses any more is taken over by the next one (its signal was never aborted
 * and nothing listens to it; its abort timer is re-armed): reads that come one at a time, more
 * than a window apart (a server's refreshes, a handler's cold reads), do not each pay for an
 * `AbortController` and a timer of their own.
 */
import { getEventListeners, setMaxListeners } from 'node:events';
import { SecretkitError } from '../errors/secretkit-error.js';
import { regionTimeoutError } from './deadline.js';

/** One window's signal and how many attempts still use it. */
export interface SharedSignalLease {
  /** The window's signal: aborted once every attempt of the window is past its deadline, or on close. */
  readonly signal: AbortSignal;
  /** The attempt's SDK call is over (it answered or failed): nothing of it is left to abort. Idempotent. */
  release(): void;
}

/** One window: its signal, its abort timer and how many attempts' calls still use it. */
export interface SignalWindow {
  /** The window's number (start time ÷ width); a window taken over gets the new one. */
  key: number;
  readonly controller: AbortController;
  timer: ReturnType<typeof setTimeout> | undefined;
  users: number;
}

/**
 * The width of a window: a tenth of the deadline, between 1 and 10 ms. The SDK's requests are
 * aborted at most this long after their own deadline (the read itself settles on time).
 *
 * @param timeoutMs - the attempts' deadline
 */
export function windowMs(timeoutMs: number): number {
  return Math.max(1, Math.min(10, Math.floor(timeoutMs / 10)));
}

/** The shared signals of one region's attempts. */
export class SharedSignals {
  readonly #region: string;
  readonly #timeoutMs: number;
  readonly #widthMs: number;
  readonly #live = new Set<SignalWindow>();
  #current: SignalWindow | undefined;
  #closed = false;

  /**
   * @param region - the region (named in the `TIMEOUT` abort reason)
   * @param timeoutMs - the attempts' deadline (`regionTimeoutMs`)
   */
  constructor(region: string, timeoutMs: number) {
    this.#region = region;
    this.#timeoutMs = timeoutMs;
    this.#widthMs = windowMs(timeoutMs);
  }

  /** The signal for an attempt starting now. After {@link SharedSignals.close}: an aborted one. */
  acquire(): SharedSignalLease {
    const leased = this.enter();
    let released = false;
    return {
      signal: leased.controller.signal,
      release: () => {
        if (released) return;
        released = true;
        leased.users -= 1;
      },
    };
  }

  /**
   * The window of an attempt starting now, counted as used until {@link SharedSignals.leave}:
   * {@link SharedSignals.acquire} without the lease object (the one-region reader's miss path,
   * which keeps the window in its own read object and leaves it once). After close: an aborted one.
   */
  enter(): SignalWindow {
    const key = Math.floor(Date.now() / this.#widthMs);
    let window = this.#current;
    if (window === undefined || window.key !== key || window.controller.signal.aborted) {
      window = window !== undefined && this.#reusable(window) ? this.#takeOver(window, key) : this.#open(key);
    }
    window.users += 1;
    return window;
  }

  /** The call of an attempt that {@link SharedSignals.enter}ed `window` is over. Call it once. */
  leave(window: SignalWindow): void {
    window.users -= 1;
  }

  /** Aborts every live window's signal with `reason` and clears their timers. Idempotent. */
  close(reason: unknown): void {
    this.#closed = true;
    for (const window of this.#live) {
      if (window.timer !== undefined) clearTimeout(window.timer);
      window.controller.abort(reason);
    }
    this.#live.clear();
    this.#current = undefined;
  }

  /**
   * Whether the next window may take `window` over: nobody uses it, its signal is not aborted,
   * and nothing listens to it (the SDK removes its listener when a request ends; a handler that
   * did not would keep its listener, and the window would not be reused).
   */
  #reusable(window: SignalWindow): boolean {
    return (
      window.users === 0 &&
      window.timer !== undefined &&
      !window.controller.signal.aborted &&
      getEventListeners(window.controller.signal, 'abort').length === 0
    );
  }

  /**
   * `window` as the window `key`: its timer re-armed for the new window's deadline. Deliberately
   * cheap (the miss path of reads one at a time): a timer refresh instead of a new controller,
   * signal and timer.
   */
  #takeOver(window: SignalWindow, key: number): SignalWindow {
    window.key = key;
    window.timer?.refresh();
    return window;
  }

  #open(key: number): SignalWindow {
    const controller = new AbortController();
    // Every concurrent attempt of the window (and the SDK inside it) listens: no leak warning.
    setMaxListeners(0, controller.signal);
    const window: SignalWindow = { key, controller, timer: undefined, users: 0 };
    if (this.#closed) {
      controller.abort(new SecretkitError('CLIENT_CLOSED', 'the client was closed'));
      return window;
    }
    // The last attempt of the window starts before (key + 1) × width, and the window opens at
    // or after key × width: one width plus the deadline from now (or from a takeover, which
    // also happens within its window) is past every attempt's deadline. The same duration for
    // every window: Node keeps one timer list per duration.
    window.timer = setTimeout(() => {
      window.timer = undefined;
      this.#live.delete(window);
      if (this.#current === window) this.#current = undefined;
      // A window nobody uses any more is dropped without the cost of an abort event.
      if (window.users > 0) controller.abort(regionTimeoutError(this.#region, this.#timeoutMs));
    }, this.#widthMs + this.#timeoutMs);
    window.timer.unref?.();
    this.#live.add(window);
    this.#current = window;
    return window;
  }
}
