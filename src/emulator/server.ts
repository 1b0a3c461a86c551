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
import { createAdminControls } from './adminControls';
import {
  checkOptions,
  resolveOrgData,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  type EmulatorOptions,
} from './emulatorOptions';
import { ChannelHub, type NotificationSettings } from './notifications/channelHub';
import { handleChannelUpgrade } from './notifications/upgrade';
import { adminRoutes } from './routes/admin';
import { notificationRoutes } from './routes/notifications';
import { eventBridgeRoutes } from './routes/eventbridge';
import { integrationRoutes } from './routes/integrations';
import { handleTokenRequest } from './routes/oauth';
import { platformRoutes } from './routes/platform';
import { dispatch, type Route } from './routes/router';
import { Throttle, type EmulatorLimits } from './rateLimit';
import { recordRequest, type RecordedRequest } from './requestLog';
import { EmulatorData } from './state';

export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  type EmulatorOptions,
} from './emulatorOptions';
export type { FaultRule } from './faults';
export type { EmulatorOrgData } from './orgData';
export type { EmulatorLimits, RateLimitSettings } from './rateLimit';
export { MAX_RECORDED_REQUESTS, type RecordedRequest } from './requestLog';

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

  const controls = createAdminControls({ orgData, data, hub, faults, tokens, throttle, requests });

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
