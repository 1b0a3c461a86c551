/**
 * Paces requests by the rate limit Genesys Cloud announces with every API response, so that a client making many
 * requests at once (plan/apply/export over hundreds of integrations) is never answered 429. A 429 does not only cost
 * the retry: the limit is per OAuth token, and a client that hits it slows every other app sharing that client.
 *
 * Each response says, for the token it was sent with, `inin-ratelimit-allowed` (requests per window),
 * `inin-ratelimit-count` (used so far in this window) and `inin-ratelimit-reset` (seconds until the window resets).
 * Before each request the transport asks for a permit: it is given at once while the requests already counted by the
 * server plus those still in flight stay under the allowance; otherwise it waits until the window ends. Everything is
 * per token, and a token whose answers carry no such headers (the OAuth endpoint, a proxy that strips them) is not
 * paced at all. Until the first answer for a token arrives, one request at a time goes out, so even a first burst
 * cannot overshoot a limit it has not heard of yet.
 *
 * Estimates err on the slow side: the window's end is taken from the reset seconds (rounded up by the server) counted
 * from when the answer arrived, plus a margin; requests in flight count as used.
 */
import { createHash } from 'node:crypto';
import { cancelledError } from './errors';
import type { TransportTiming } from './http';

/** What one response said about its token's window. */
export interface RateLimitReading {
  allowed: number;
  count: number;
  resetMs: number;
}

/** Told once per window when requests have to wait for it to reset. */
export interface PaceNotice {
  allowed: number;
  waitMs: number;
}

/** After the announced reset: covers clock granularity and a server that rounds down. */
const RESET_MARGIN_MS = 200;
/** Tokens rotate (a day by default); keeping a few hundred windows is plenty and bounds the memory. */
const MAX_TRACKED_TOKENS = 256;

/** Reads the three headers; undefined when any is missing or not a number. */
export function readRateLimitHeaders(header: (name: string) => string | undefined): RateLimitReading | undefined {
  const number = (name: string): number | undefined => {
    const text = header(name)?.trim();
    const value = text ? Number(text) : NaN;
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  };
  const allowed = number('inin-ratelimit-allowed');
  const count = number('inin-ratelimit-count');
  const reset = number('inin-ratelimit-reset');
  if (allowed === undefined || count === undefined || reset === undefined || allowed === 0) return undefined;
  return { allowed, count, resetMs: reset * 1000 };
}

interface TokenWindow {
  /** `probing` until the first answer tells whether this token is limited. */
  mode: 'probing' | 'limited' | 'unlimited';
  allowed: number;
  /** The highest count the server reported for the current window. */
  count: number;
  /** When the current window ends (a safe estimate); undefined while no answer of this window has been seen. */
  windowEnd?: number;
  /** Incremented when a window ends: answers to requests sent in an older one say nothing about the new one. */
  epoch: number;
  inFlight: number;
  /** After a 429: nothing goes out before this time, whatever the estimate said (Retry-After, else the reset). */
  pausedUntil?: number;
  /** The window end the last pace notice was about (one notice per window). */
  noticed?: number;
  /** Woken when an answer arrives. */
  waiters: Set<() => void>;
}

/** Handed out by acquire(), given back by settle() with what the answer said. */
export interface PacePermit {
  readonly key: string;
  readonly epoch: number;
}

export class RateLimitPacer {
  private readonly windows = new Map<string, TokenWindow>();

  constructor(
    private readonly timing: Pick<TransportTiming, 'sleep' | 'now'>,
    private readonly onPace?: (notice: PaceNotice) => void,
  ) {}

  /** Waits until a request with this authorization may go out. */
  async acquire(authorization: string, signal?: AbortSignal): Promise<PacePermit> {
    const key = keyOf(authorization);
    for (;;) {
      if (signal?.aborted) throw cancelledError(signal.reason);
      const w = this.window(key);
      const now = this.timing.now();
      if (w.pausedUntil !== undefined && now < w.pausedUntil) {
        await this.timing.sleep(w.pausedUntil - now, signal);
        continue;
      }
      if (w.windowEnd !== undefined && now >= w.windowEnd) {
        w.windowEnd = undefined;
        w.count = 0;
        w.epoch++;
      }
      const mayGo =
        w.mode === 'unlimited' ||
        (w.mode === 'probing' && w.inFlight === 0) ||
        (w.mode === 'limited' && (w.count + w.inFlight < w.allowed || (w.inFlight === 0 && w.windowEnd === undefined)));
      if (mayGo) {
        w.inFlight++;
        return { key, epoch: w.epoch };
      }
      if (w.mode === 'limited' && w.windowEnd !== undefined) {
        const waitMs = w.windowEnd - now;
        if (w.noticed !== w.windowEnd) {
          w.noticed = w.windowEnd;
          try {
            this.onPace?.({ allowed: w.allowed, waitMs });
          } catch {
            // A logging callback must not fail the request.
          }
        }
        await this.timing.sleep(waitMs, signal);
      } else {
        // The end of the window is not known yet (or the token is being probed): the next answer will tell.
        await this.nextAnswer(w, signal);
      }
    }
  }

  /**
   * The request of `permit` is over: `reading` is what its answer said (undefined without the headers, or when it
   * failed without an answer); `status` and `retryAfterMs` let a 429 close the window for everyone.
   */
  settle(permit: PacePermit, reading: RateLimitReading | undefined, status?: number, retryAfterMs?: number): void {
    const w = this.windows.get(permit.key);
    if (!w) return;
    w.inFlight = Math.max(0, w.inFlight - 1);
    const now = this.timing.now();
    if (reading) {
      w.mode = 'limited';
      w.allowed = reading.allowed;
      // Only answers to requests sent in this window describe it (see the epoch).
      if (permit.epoch === w.epoch) {
        w.count = Math.max(w.count, reading.count);
        // Every answer's estimate is at or after the true end; the earliest is the tightest. (An answer from the server's
        // next window, to a request sent before we saw this one end, only makes the estimate later: safe.)
        const end = now + reading.resetMs + RESET_MARGIN_MS;
        w.windowEnd = w.windowEnd === undefined ? end : Math.min(w.windowEnd, end);
      }
    } else if (status !== undefined && w.mode === 'probing') {
      // An answer without the headers: this token is not rate limited as far as we can tell.
      w.mode = 'unlimited';
    }
    if (status === 429) {
      // Hold every request of this token for as long as the server asked (the 429's own retry waits exactly that
      // long, so it is not delayed further). The window itself is what the headers say: a 429 can come from another
      // of the platform's limits while this token's window still has room.
      w.pausedUntil = Math.max(w.pausedUntil ?? 0, now + (retryAfterMs ?? reading?.resetMs ?? 1000));
    }
    for (const wake of w.waiters) wake();
    w.waiters.clear();
  }

  private window(key: string): TokenWindow {
    let w = this.windows.get(key);
    if (!w) {
      if (this.windows.size >= MAX_TRACKED_TOKENS) {
        // Forget an idle token's window (the oldest first); one with requests in flight is still in use.
        for (const [k, old] of this.windows) {
          if (old.inFlight === 0 && old.waiters.size === 0) {
            this.windows.delete(k);
            break;
          }
        }
      }
      w = { mode: 'probing', allowed: 0, count: 0, epoch: 0, inFlight: 0, waiters: new Set() };
      this.windows.set(key, w);
    }
    return w;
  }

  private nextAnswer(w: TokenWindow, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        w.waiters.delete(wake);
        reject(cancelledError(signal?.reason));
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      w.waiters.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** Windows are per token; the token itself is not kept, only a digest of the header that carries it. */
function keyOf(authorization: string): string {
  return createHash('sha256').update(authorization).digest('base64url').slice(0, 22);
}
