/** What an emulator is started with: the options, their defaults and their checks. */
import { checkNotificationSettings } from './notifications/channelHub';
import type { RateLimitSettings } from './rateLimit';
import { loadOrgDataFile, validateOrgData, type EmulatorOrgData } from './orgData';
import { defaultOrgData } from './defaultOrgData';

export const DEFAULT_CLIENT_ID = 'emulator-client';
export const DEFAULT_CLIENT_SECRET = 'emulator-secret';
/** One day, the platform's default for a client-credentials OAuth client. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 86_400;

export interface EmulatorOptions {
  /** 0 (the default) = any free port. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
  tokenLifetimeSeconds?: number;
  /** A JSON file shaped like `EmulatorOrgData`; exclusive with `data`. */
  dataFile?: string;
  data?: EmulatorOrgData;
  /** Replaces the org data's organization's id (GET /api/v2/organizations/me). */
  orgId?: string;
  /** Default true: no request lines on stdout. The CLI entry passes false unless --quiet. */
  quiet?: boolean;
  /** Events per second on each notification channel with a socket and topics (default 5). */
  eventsPerSecond?: number;
  /** Milliseconds between `channel.metadata` heartbeats (default 30,000, the platform's). */
  heartbeatMs?: number;
  /** Enforce this rate limit per token (429 + Retry-After beyond it); default: report 300/min, refuse nothing. */
  rateLimit?: RateLimitSettings;
  /** Milliseconds added before every answer (default 0). */
  latencyMs?: number;
}

export function resolveOrgData(opts: EmulatorOptions): EmulatorOrgData {
  if (opts.dataFile !== undefined && opts.data !== undefined) {
    throw new Error('Give either dataFile or data, not both.');
  }
  if (opts.dataFile !== undefined) return loadOrgDataFile(opts.dataFile);
  if (opts.data !== undefined) {
    const problem = validateOrgData(opts.data);
    if (problem) throw new Error(`Invalid org data: ${problem}`);
    return structuredClone(opts.data);
  }
  return defaultOrgData();
}

export function checkOptions(opts: EmulatorOptions): void {
  if (opts.port !== undefined && (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)) {
    throw new Error(`port must be an integer from 0 to 65535 (got ${opts.port}).`);
  }
  if (
    opts.tokenLifetimeSeconds !== undefined &&
    (!Number.isFinite(opts.tokenLifetimeSeconds) || opts.tokenLifetimeSeconds <= 0)
  ) {
    throw new Error(`tokenLifetimeSeconds must be a positive number (got ${opts.tokenLifetimeSeconds}).`);
  }
  if (opts.clientId !== undefined && opts.clientId.length === 0) throw new Error('clientId must not be empty.');
  if (opts.clientSecret !== undefined && opts.clientSecret.length === 0) {
    throw new Error('clientSecret must not be empty.');
  }
  if (opts.orgId !== undefined && opts.orgId.length === 0) throw new Error('orgId must not be empty.');
  checkNotificationSettings(opts);
}
