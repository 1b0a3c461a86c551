/**
 * The emulator's rate limiter and latency: what lets the client's pacing be tested and benchmarked honestly.
 *
 * Per token, a fixed window that starts with the token's first request in it. Every API answer carries
 * `inin-ratelimit-allowed`, `inin-ratelimit-count` (this request included) and `inin-ratelimit-reset` (seconds until
 * the window resets, rounded up). When limits are enforced, a request over the allowance is answered 429 with
 * `Retry-After` (the same seconds) and the platform's error body; it still counts, as on the platform.
 *
 * By default nothing is refused and the headers report the platform's default (300 per minute), so that the long
 * test runs that do not care never trip over a limit; `--rate-limit` / the admin API turn enforcement on.
 */
import { isJsonObject } from '../common/json';

export interface RateLimitSettings {
  /** Requests per window and token. */
  allowed: number;
  windowSeconds: number;
}

export interface EmulatorLimits {
  /** Enforced limit; null = only report the platform's default, refuse nothing. */
  rateLimit: RateLimitSettings | null;
  /** Added before every answer (API and OAuth), milliseconds. */
  latencyMs: number;
}

export const REPORTED_DEFAULT: RateLimitSettings = { allowed: 300, windowSeconds: 60 };
export const NO_LIMITS: EmulatorLimits = { rateLimit: null, latencyMs: 0 };

export interface RateLimitVerdict {
  headers: Record<string, string>;
  /** Over the enforced allowance: answer 429 with Retry-After `retryAfterSeconds`. */
  limited: boolean;
  retryAfterSeconds: number;
}

/** Windows kept at most; stale ones are worthless, so they are simply dropped beyond this. */
const MAX_WINDOWS = 1000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private settings: RateLimitSettings | null) {}

  configure(settings: RateLimitSettings | null): void {
    this.settings = settings;
    this.windows.clear();
  }

  clear(): void {
    this.windows.clear();
  }

  /** Counts one request of `key` (a token) at `now` and says whether it may be served. */
  take(key: string, now = Date.now()): RateLimitVerdict {
    const { allowed, windowSeconds } = this.settings ?? REPORTED_DEFAULT;
    const windowMs = windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      if (this.windows.size >= MAX_WINDOWS) this.windows.clear();
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    return {
      headers: {
        'inin-ratelimit-count': String(window.count),
        'inin-ratelimit-allowed': String(allowed),
        'inin-ratelimit-reset': String(resetSeconds),
      },
      limited: this.settings !== null && window.count > allowed,
      retryAfterSeconds: resetSeconds,
    };
  }
}

/** Checks limits that came from JSON (admin API) or flags; returns the reason they are unusable. */
export function limitsProblem(value: unknown): string | undefined {
  if (!isJsonObject(value)) {
    return 'limits must be a JSON object such as {"rateLimit": {"allowed": 300, "windowSeconds": 60}, "latencyMs": 50}';
  }
  for (const key of Object.keys(value)) {
    if (key !== 'rateLimit' && key !== 'latencyMs') return `unknown field "${key}" (known: rateLimit, latencyMs)`;
  }
  if (
    value.latencyMs !== undefined &&
    !(
      typeof value.latencyMs === 'number' &&
      Number.isFinite(value.latencyMs) &&
      value.latencyMs >= 0 &&
      value.latencyMs <= 60_000
    )
  ) {
    return 'latencyMs must be a number of milliseconds from 0 to 60000';
  }
  const rateLimit = value.rateLimit;
  if (rateLimit === undefined || rateLimit === null) return undefined;
  if (!isJsonObject(rateLimit)) return 'rateLimit must be null or {"allowed": N, "windowSeconds": S}';
  const { allowed, windowSeconds } = rateLimit;
  if (typeof allowed !== 'number' || !Number.isInteger(allowed) || allowed < 1) {
    return 'rateLimit.allowed must be a whole number ≥ 1';
  }
  if (
    typeof windowSeconds !== 'number' ||
    !Number.isInteger(windowSeconds) ||
    windowSeconds < 1 ||
    windowSeconds > 3600
  ) {
    return 'rateLimit.windowSeconds must be a whole number of seconds from 1 to 3600';
  }
  return undefined;
}

/** `300` or `300/60` (allowed per window seconds; the window defaults to the platform's minute). */
export function parseRateLimitFlag(text: string): RateLimitSettings | undefined {
  const m = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
  if (!m) return undefined;
  const settings = {
    allowed: Number(m[1]),
    windowSeconds: m[2] === undefined ? REPORTED_DEFAULT.windowSeconds : Number(m[2]),
  };
  return limitsProblem({ rateLimit: settings }) ? undefined : settings;
}

/** The limits in force (rate limit and latency), changed at run time and put back by a reset. */
export class Throttle {
  private limits: EmulatorLimits;
  private readonly limiter: RateLimiter;

  constructor(private readonly starting: EmulatorLimits) {
    const problem = limitsProblem(starting);
    if (problem) throw new Error(problem);
    this.limits = structuredClone(starting);
    this.limiter = new RateLimiter(this.limits.rateLimit);
  }

  get latencyMs(): number {
    return this.limits.latencyMs;
  }

  current(): EmulatorLimits {
    return structuredClone(this.limits);
  }

  /** Fields left out stay; windows start afresh. Throws with the reason for invalid limits. */
  set(changes: Partial<EmulatorLimits>): void {
    const next = { ...this.limits, ...changes };
    const problem = limitsProblem(next);
    if (problem) throw new Error(`Invalid limits: ${problem}`);
    this.limits = structuredClone(next);
    this.limiter.configure(this.limits.rateLimit);
  }

  reset(): void {
    this.set(this.starting);
  }

  take(key: string): RateLimitVerdict {
    return this.limiter.take(key);
  }
}
