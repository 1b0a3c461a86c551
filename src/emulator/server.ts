import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { JsonObject } from '../common/json';
import { parseBearer, TokenStore } from './auth';
import { defaultErrorForStatus, genesysError } from './errors';
import { FaultList, type FaultRule } from './faults';
import {
  BodyTooLargeError,
  json,
  readBody,
  toEmulatorRequest,
  writeResponse,
  type EmulatorRequest,
  type EmulatorResponse,
} from './http';
import { ChannelHub, checkNotificationSettings, type NotificationSettings } from './notifications/channelHub';
import { handleChannelUpgrade } from './notifications/upgrade';
import { adminRoutes, type AdminControls } from './routes/admin';
import { notificationRoutes } from './routes/notifications';
import { eventBridgeRoutes } from './routes/eventbridge';
import { integrationRoutes } from './routes/integrations';
import { handleTokenRequest } from './routes/oauth';
import { platformRoutes } from './routes/platform';
import { dispatch, type Route } from './routes/router';
import { Throttle, type EmulatorLimits, type RateLimitSettings } from './rateLimit';
import { recordRequest, type RecordedRequest } from './requestLog';
import { loadOrgDataFile, validateOrgData, type EmulatorOrgData } from './orgData';
import { defaultOrgData } from './defaultOrgData';
import { EmulatorData } from './state';

export type { FaultRule } from './faults';
export type { EmulatorOrgData } from './orgData';
export type { EmulatorLimits, RateLimitSettings } from './rateLimit';
export { MAX_RECORDED_REQUESTS, type RecordedRequest } from './requestLog';

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

export interface Emulator {
  url: string;
  port: number;
  clientId: string;
  clientSecret: string;
  /** Live log, oldest first (capped at MAX_RECORDED_REQUESTS); the admin API does not appear in it. */
  requests: RecordedRequest[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  expireTokens(): void;
  getEventBridgeDocument(id: string): JsonObject | undefined;
  /** Stores without validation (to plant documents the public endpoint would refuse). */
  setEventBridgeDocument(id: string, doc: JsonObject): void;
  getConfig(id: string): JsonObject | undefined;
  /** Stores as the next version whatever version `config` carries — a concurrent writer. */
  setConfig(id: string, config: JsonObject): void;
  /** Notification channels (id, connectUri, topics, connected, eventsSent, heartbeatsSent) and the event rate. */
  notifications(): JsonObject;
  configureNotifications(settings: Partial<NotificationSettings>): NotificationSettings;
  /** Fault: cuts every channel's WebSocket without a closing handshake; returns how many. */
  dropSockets(): number;
  /** Fault: ends one channel (or all) as at the end of its 24 h; returns how many. */
  expireChannels(id?: string): number;
  /** The rate limit and latency in force. */
  limits(): EmulatorLimits;
  /** Changes them (fields left out stay); windows start afresh. */
  setLimits(limits: Partial<EmulatorLimits>): void;
  /** The org data, its faults and the starting limits back, request log emptied, channels gone; issued tokens stay valid. */
  reset(): void;
  close(): Promise<void>;
}

const API_ROUTES: Route<EmulatorData>[] = [...eventBridgeRoutes, ...integrationRoutes, ...platformRoutes];

function resolveOrgData(opts: EmulatorOptions): EmulatorOrgData {
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

function checkOptions(opts: EmulatorOptions): void {
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

function faultResponse(rule: FaultRule): EmulatorResponse {
  const status = rule.status as number;
  const headers: Record<string, string> = {};
  if (rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter);
  if (rule.body !== undefined) return json(status, rule.body, headers);
  if (status < 400) return { status, headers };
  return json(status, defaultErrorForStatus(status, rule.retryAfter), headers);
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  checkOptions(opts);
  const orgData = resolveOrgData(opts);
  const clientId = opts.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = opts.clientSecret ?? DEFAULT_CLIENT_SECRET;
  const tokenLifetimeSeconds = opts.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  const quiet = opts.quiet ?? true;

  const data = new EmulatorData(orgData, opts.orgId);
  let baseUrl = 'http://127.0.0.1:0';
  const hub = new ChannelHub(
    () => baseUrl,
    () => data.availableTopics,
    {
      eventsPerSecond: opts.eventsPerSecond ?? 5,
      heartbeatMs: opts.heartbeatMs ?? 30_000,
    },
  );
  const faults = new FaultList();
  const tokens = new TokenStore();
  const throttle = new Throttle({ rateLimit: opts.rateLimit ?? null, latencyMs: opts.latencyMs ?? 0 });
  const requests: RecordedRequest[] = [];
  const pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closed = false;

  const loadDataFaults = () => {
    for (const rule of orgData.faults ?? []) faults.add(rule);
  };
  loadDataFaults();

  const controls: AdminControls = {
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    listFaults: () => faults.list(),
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    expireTokens: () => tokens.expireAll(),
    notifications: () => hub.state(),
    configureNotifications: (settings) => {
      checkNotificationSettings(settings);
      return hub.configure(settings);
    },
    dropSockets: () => hub.dropSockets(),
    expireChannels: (id) => hub.expire(id),
    reset: () => {
      hub.reset();
      data.reset();
      faults.clear();
      loadDataFaults();
      requests.length = 0;
      throttle.reset();
    },
    limits: () => throttle.current(),
    setLimits: (changes) => throttle.set(changes),
    getEventBridgeDocument: (id) => {
      const doc = data.eventBridgeDocuments.get(id);
      return doc === undefined ? undefined : structuredClone(doc);
    },
    setEventBridgeDocument: (id, doc) => {
      data.eventBridgeDocuments.set(id, structuredClone(doc));
    },
    getConfig: (id) => {
      const config = data.configs.get(id);
      return config === undefined ? undefined : structuredClone(config);
    },
    setConfig: (id, config) => {
      if (!data.findIntegration(id)) {
        throw new Error(`No integration ${id} in the emulator; configs exist only for listed integrations.`);
      }
      data.storeConfigAsNextVersion(id, config);
    },
  };

  /** A delay that close() can cut short, so a test never waits for a scripted slow answer. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pendingDelays.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      pendingDelays.add(entry);
    });

  const record = (req: EmulatorRequest, status: number, at: number) => recordRequest(requests, req, status, at);

  const logLine = (req: EmulatorRequest, status: number, startedAt: number, note: string) => {
    if (quiet) return;
    const time = new Date().toISOString().slice(11, 23);
    process.stdout.write(
      `${time} ${req.method} ${req.pathWithQuery} → ${status === 0 ? 'dropped' : status}${note} (${Date.now() - startedAt} ms)\n`,
    );
  };

  const serveApi = (req: EmulatorRequest): EmulatorResponse => {
    const authorization = req.headers.authorization;
    const token = parseBearer(authorization);
    if (!token) {
      return json(
        401,
        genesysError(
          401,
          'authentication.required',
          'No authentication bearer token specified in authorization header.',
        ),
      );
    }
    if (!tokens.isValid(token)) return json(401, genesysError(401, 'bad.credentials', 'Invalid login credentials.'));
    if (req.path.startsWith('/api/v2/notifications/channels')) return dispatch(notificationRoutes, req, hub);
    return dispatch(API_ROUTES, req, data);
  };

  const handle = async (incoming: IncomingMessage, res: ServerResponse) => {
    const startedAt = Date.now();
    let rawBody: string;
    try {
      rawBody = await readBody(incoming);
    } catch (err) {
      if (err instanceof BodyTooLargeError && !res.headersSent) {
        writeResponse(res, json(413, genesysError(413, 'request.entity.too.large', err.message)), {
          connection: 'close',
        });
      }
      return;
    }
    const req = toEmulatorRequest(incoming, rawBody);
    if (req.path.startsWith('/__emulator/')) {
      // The admin API is the test's back door: no faults, no auth, no limits, not in the request log.
      writeResponse(res, dispatch(adminRoutes, req, controls), {});
      return;
    }
    const isApi = req.path.startsWith('/api/v2/') || req.path === '/api/v2';
    // Counted when the request arrives, as a server does; the answer comes after the latency.
    const bearer = parseBearer(req.headers.authorization);
    const limit = isApi ? throttle.take(bearer && tokens.isValid(bearer) ? bearer : 'anonymous') : undefined;
    const limited = limit?.limited === true && bearer !== undefined && tokens.isValid(bearer);
    if (throttle.latencyMs > 0) {
      await sleep(throttle.latencyMs);
      if (closed || res.destroyed) return;
    }
    const fault = faults.take(req.method, req.pathWithQuery);
    if (fault?.delayMs) {
      await sleep(fault.delayMs);
      if (closed || res.destroyed) return;
    }
    if (fault?.expireTokens) tokens.expireAll();
    if (fault?.drop) {
      record(req, 0, startedAt);
      logLine(req, 0, startedAt, ' (fault)');
      incoming.socket.destroy();
      return;
    }
    let response: EmulatorResponse;
    if (fault?.status !== undefined) response = faultResponse(fault);
    else if (limited) {
      const retryAfter = limit.retryAfterSeconds;
      response = json(429, defaultErrorForStatus(429, retryAfter), { 'retry-after': String(retryAfter) });
    } else if (req.path === '/oauth/token') {
      response = handleTokenRequest(req, { clientId, clientSecret, tokenLifetimeSeconds, tokens });
    } else if (isApi) response = serveApi(req);
    else {
      response = json(
        404,
        genesysError(404, 'not.found', 'The requested resource was not found: {path}', { path: req.path }),
      );
    }

    const common: Record<string, string> = { 'ININ-Correlation-Id': randomUUID(), ...limit?.headers };
    record(req, response.status, startedAt);
    logLine(req, response.status, startedAt, fault ? ' (fault)' : '');
    writeResponse(res, response, common);
  };

  const server = createServer((incoming, res) => {
    handle(incoming, res).catch((err: unknown) => {
      process.stderr.write(`emulator: internal error: ${(err as Error).stack ?? String(err)}\n`);
      if (!res.headersSent) {
        writeResponse(
          res,
          json(
            500,
            genesysError(500, 'internal.server.error', 'The emulator failed: {reason}', {
              reason: (err as Error).message,
            }),
          ),
          {},
        );
      } else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) =>
      reject(new Error(`The emulator could not listen on 127.0.0.1:${opts.port ?? 0}: ${err.code ?? err.message}`));
    server.once('error', failed);
    // Loopback only: the emulator accepts any bearer it issued and has an unauthenticated admin API.
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
  // After listening, a server error must not crash the host process (tests run the emulator in-process).
  server.on('error', (err) => process.stderr.write(`emulator: server error: ${err.message}\n`));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  server.on('upgrade', (incoming: IncomingMessage, socket: Duplex, head: Buffer) =>
    handleChannelUpgrade(incoming, socket, head, { hub, faults, record, logLine }),
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      closed = true;
      hub.close();
      for (const entry of pendingDelays) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      pendingDelays.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clientId,
    clientSecret,
    requests,
    addFault: controls.addFault,
    clearFaults: controls.clearFaults,
    expireTokens: controls.expireTokens,
    getEventBridgeDocument: controls.getEventBridgeDocument,
    setEventBridgeDocument: controls.setEventBridgeDocument,
    getConfig: controls.getConfig,
    setConfig: controls.setConfig,
    notifications: controls.notifications,
    configureNotifications: controls.configureNotifications,
    dropSockets: controls.dropSockets,
    expireChannels: controls.expireChannels,
    limits: controls.limits,
    setLimits: controls.setLimits,
    reset: controls.reset,
    close,
  };
}
