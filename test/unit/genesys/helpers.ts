import assert from 'node:assert/strict';
import { MockAgent } from 'undici';
import { GenesysClient, GenesysClientOptions, RequestLogEntry, RetryNotice } from '../../../src/genesys/client';
import { cancelledError, GenesysError, isGenesysError } from '../../../src/genesys/errors';
import { TransportTiming } from '../../../src/genesys/http';

export const API = 'https://api.mypurecloud.com';
export const LOGIN = 'https://login.mypurecloud.com';
export const CLIENT_ID = 'client-7f3e';
export const CLIENT_SECRET = 'S3cr3t-Value-That-Must-Never-Leak';

/** The organization read: the simplest request, used where only the transport's behaviour matters. */
export const ORG_PATH = '/api/v2/organizations/me';
export const ORG = { id: 'org-1' };

/** How many times the organization was requested. */
export function orgAttempts(log: { path: string }[]): number {
  return log.filter((e) => e.path === ORG_PATH).length;
}

/** The GenesysError `p` rejects with (fails the test if it resolves or rejects with anything else). */
export async function rejection(p: Promise<unknown>): Promise<GenesysError> {
  return p.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => {
      assert.ok(isGenesysError(e), `a GenesysError, got ${String(e)}`);
      return e;
    },
  );
}

export function newMockAgent(): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  return agent;
}

/** Fake timing: sleeps resolve at once (honouring the signal), waits and the clock are recorded. */
export class FakeTiming implements TransportTiming {
  readonly sleeps: number[] = [];
  clock = Date.parse('2026-01-01T00:00:00Z');
  randomValue = 0.5;
  /** When set, sleeping blocks until this promise resolves (to cancel mid-wait). */
  blockSleep?: Promise<void>;

  sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    if (signal?.aborted) throw cancelledError(signal.reason);
    if (this.blockSleep) {
      await new Promise<void>((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(cancelledError(signal.reason)), { once: true });
        void this.blockSleep!.then(resolve);
      });
    }
    this.clock += ms;
  };
  random = (): number => this.randomValue;
  now = (): number => this.clock;
}

export interface TestClient {
  client: GenesysClient;
  agent: MockAgent;
  timing: FakeTiming;
  log: RequestLogEntry[];
  retries: RetryNotice[];
}

export function makeClient(overrides: Partial<GenesysClientOptions> = {}, timing = new FakeTiming()): TestClient {
  const agent = (overrides.dispatcher as MockAgent | undefined) ?? newMockAgent();
  const log: RequestLogEntry[] = [];
  const retries: RetryNotice[] = [];
  const client = new GenesysClient(
    {
      environment: 'us-east-1',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      dispatcher: agent,
      onRequest: (e) => log.push(e),
      onRetry: (n) => retries.push(n),
      ...overrides,
    },
    timing,
  );
  return { client, agent, timing, log, retries };
}

export interface TokenReply {
  token?: string;
  expiresIn?: number;
}

/** Answers `times` token requests, handing out token-1, token-2, … unless a fixed token is given. */
export function mockTokens(
  agent: MockAgent,
  times = 1,
  reply: TokenReply = {},
): { count: () => number; bodies: string[]; authHeaders: string[] } {
  let n = 0;
  const bodies: string[] = [];
  const authHeaders: string[] = [];
  agent
    .get(LOGIN)
    .intercept({ path: '/oauth/token', method: 'POST' })
    .reply(200, (opts) => {
      n++;
      bodies.push(String(opts.body));
      authHeaders.push(headerOf(opts.headers, 'authorization') ?? '');
      return { access_token: reply.token ?? `token-${n}`, token_type: 'bearer', expires_in: reply.expiresIn ?? 86_400 };
    })
    .times(times);
  return { count: () => n, bodies, authHeaders };
}

export function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (k.toLowerCase() === name) return String(v);
  }
  return undefined;
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

export function genesysError(status: number, code: string, message: string, contextId = `ctx-${status}`): object {
  return { status, code, message, messageWithParams: message, messageParams: {}, contextId, details: [], errors: [] };
}

/**
 * One config PUT through the config's one write path: `base` is the config "already read", so the client sends
 * exactly one PUT (carrying base.version) and no GET. The edit marks the config so the write is not skipped.
 */
export function putConfig(client: GenesysClient, id: string, base: Record<string, unknown>): Promise<unknown> {
  return client
    .updateIntegrationConfig(id, (config) => ({ ...config, notes: 'edited by the test' }), { base: base as never })
    .then((result) => result.after);
}
