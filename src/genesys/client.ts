import type { Dispatcher } from 'undici';
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json';
import { TokenProvider } from './auth';
import { createDispatcher } from './dispatcher';
import { GenesysError } from './errors';
import {
  HttpMethod,
  HttpResponse,
  HttpTransport,
  RequestLogEntry,
  RetryNotice,
  TransportTiming,
  realTiming,
} from './http';
import {
  AvailableTopic,
  IntegrationPage,
  IntegrationSummary,
  readAvailableTopics,
  readIntegrationPage,
  unexpectedShape,
} from './integrations';
import { GenesysEnvironment, resolveEnvironment } from './regions';
import { RequestContext, errorFromResponse } from './responseErrors';
import {
  EDIT,
  VIEW,
  configContext,
  configPath,
  encodeId,
  eventBridgeContext,
  integrationsPath,
  isConfigVersionConflict,
  parseJsonBody,
  positiveOr,
  requireObject,
} from './endpoints';

export type { AvailableTopic, IntegrationPage, IntegrationSummary } from './integrations';
export type { RequestLogEntry, RetryNotice } from './http';
/** Retry notices for just the requests made inside a function (a progress notification's own waits). */
export { withRetryListener, type RetryListener } from './retryScope';

export interface GenesysClientOptions {
  environment: GenesysEnvironment | string;
  clientId: string;
  clientSecret: string;
  /** Explicit proxy URL (VS Code http.proxy); else HTTPS_PROXY/HTTP_PROXY/NO_PROXY from the environment. */
  proxy?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  onRequest?: (e: RequestLogEntry) => void;
  /** Every retry of every request this client makes (a log); `withRetryListener` narrows to one piece of work. */
  onRetry?: (n: RetryNotice) => void;
  /** Replaces the client's own Agent (tests pass a MockAgent); the client does not close it. */
  dispatcher?: Dispatcher;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Re-reads allowed when a config PUT loses a race with another writer. */
const MAX_CONFIG_REREADS = 3;
/** Guards against a server whose nextUri never ends. */
const MAX_PAGES = 1_000;

/** A Genesys Cloud API client for one OAuth client in one environment. */
export class GenesysClient {
  readonly environment: GenesysEnvironment;
  readonly clientId: string;
  /** What every request goes through (proxy included); the notification tap opens its WebSocket with it too. */
  readonly dispatcher: Dispatcher;
  private readonly auth: TokenProvider;
  private readonly transport: HttpTransport;
  private readonly ownedDispatcher?: Dispatcher;
  /**
   * Aborted by dispose(): cancels every request and retry wait still running, including a shared token
   * request that no caller waits for any more (otherwise closing the dispatcher would wait for it, and a
   * CLI interrupted during sign-in would hang until the token endpoint answered or timed out).
   */
  private readonly lifetime = new AbortController();
  private disposed = false;

  /** `timing` is a test seam (sleep, jitter, clock); production code leaves it out. */
  constructor(opts: GenesysClientOptions, timing: TransportTiming = realTiming) {
    this.environment = typeof opts.environment === 'string' ? resolveEnvironment(opts.environment) : opts.environment;
    if (typeof opts.clientId !== 'string' || opts.clientId.trim() === '') {
      throw new GenesysError('configuration', 'The OAuth client id is empty.');
    }
    if (typeof opts.clientSecret !== 'string' || opts.clientSecret === '') {
      throw new GenesysError('configuration', `The OAuth client secret for client '${opts.clientId.trim()}' is empty.`);
    }
    this.clientId = opts.clientId.trim();
    const connectTimeoutMs = positiveOr(opts.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS, 'connectTimeoutMs');
    const requestTimeoutMs = positiveOr(opts.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS, 'requestTimeoutMs');

    let dispatcher = opts.dispatcher;
    if (!dispatcher) {
      dispatcher = createDispatcher({
        environment: this.environment,
        proxy: opts.proxy,
        connectTimeoutMs,
        requestTimeoutMs,
      }).dispatcher;
      this.ownedDispatcher = dispatcher;
    }
    this.dispatcher = dispatcher;
    this.transport = new HttpTransport({
      dispatcher,
      requestTimeoutMs,
      onRequest: opts.onRequest,
      onRetry: opts.onRetry,
      timing,
    });
    this.auth = new TokenProvider(
      this.transport,
      this.environment.tokenUrl,
      this.clientId,
      opts.clientSecret,
      timing.now,
      this.lifetime.signal,
    );
  }

  /** Forces a fresh token request: the sign-in check. */
  async authenticate(signal?: AbortSignal): Promise<void> {
    this.assertOpen();
    await this.auth.refresh(signal);
  }

  /** One page (pageSize 100) of GET /api/v2/integrations, keeping only EventBridge integrations. */
  async listEventBridgeIntegrationsPage(pageNumber: number, signal?: AbortSignal): Promise<IntegrationPage> {
    if (!Number.isInteger(pageNumber) || pageNumber < 1) {
      throw new GenesysError('invalidRequest', `Page number must be a whole number from 1 up (got ${pageNumber}).`);
    }
    const { nextUri: _next, ...page } = await this.fetchIntegrationPage(
      pageNumber,
      integrationsPath(pageNumber),
      signal,
    );
    return page;
  }

  /** All EventBridge integrations, following pageCount and nextUri over every page. */
  async listEventBridgeIntegrations(signal?: AbortSignal): Promise<IntegrationSummary[]> {
    const all: IntegrationSummary[] = [];
    const seen = new Set<string>();
    let path = integrationsPath(1);
    for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
      seen.add(path);
      const page = await this.fetchIntegrationPage(pageNumber, path, signal);
      all.push(...page.entities);
      const next = page.nextUri ? this.sameApiPath(page.nextUri) : undefined;
      if (next && !seen.has(next)) path = next;
      else if (page.pageNumber < page.pageCount) path = integrationsPath(page.pageNumber + 1);
      else return all;
      if (seen.has(path)) return all;
    }
    return all;
  }

  /** GET /api/v2/integrations/eventbridge/{id} (the seed's subscription-filter document). */
  async getEventBridgeDocument(id: string, signal?: AbortSignal): Promise<JsonObject> {
    const ctx = eventBridgeContext(id, 'read the EventBridge document of', VIEW);
    return this.requestObject('GET', `/api/v2/integrations/eventbridge/${encodeId(id)}`, ctx, undefined, signal);
  }

  async putEventBridgeDocument(id: string, doc: JsonObject, signal?: AbortSignal): Promise<JsonObject> {
    const ctx = eventBridgeContext(id, 'update the EventBridge document of', EDIT);
    return this.requestObject(
      'PUT',
      `/api/v2/integrations/eventbridge/${encodeId(id)}`,
      ctx,
      requireObject(doc, 'document'),
      signal,
      doc,
    );
  }

  /** GET /api/v2/integrations/{id}/config/current: {name, version, properties, advanced, notes, credentials}. */
  async getIntegrationConfig(id: string, signal?: AbortSignal): Promise<JsonObject> {
    const ctx = configContext(id, 'read the configuration of', VIEW);
    return this.requestObject('GET', configPath(id), ctx, undefined, signal);
  }

  /** PUT the whole config; it must carry the `version` it was read with. */
  async putIntegrationConfig(id: string, config: JsonObject, signal?: AbortSignal): Promise<JsonObject> {
    const ctx = configContext(id, 'update the configuration of', EDIT);
    return this.requestObject('PUT', configPath(id), ctx, requireObject(config, 'config'), signal, config);
  }

  /**
   * read → mutate(fresh copy) → PUT with the read version. When another writer got there first
   * (409, 408, or a version-mismatch 400) it re-reads and re-applies the same mutation, at most
   * 3 times, then fails with kind 'conflict'. `after` is what the server returned for the PUT.
   */
  async updateIntegrationConfig(
    id: string,
    mutate: (config: JsonObject) => JsonObject,
    signal?: AbortSignal,
  ): Promise<{ before: JsonObject; after: JsonObject; attempts: number }> {
    let lastConflict: GenesysError | undefined;
    for (let attempt = 1; attempt <= MAX_CONFIG_REREADS + 1; attempt++) {
      const before = await this.getIntegrationConfig(id, signal);
      const version = before.version;
      if (typeof version !== 'number' && typeof version !== 'string') {
        throw unexpectedShape(`the configuration of integration '${id}' (no version)`);
      }
      const edited = mutate(structuredClone(before));
      if (!isJsonObject(edited)) throw new TypeError('The config mutation must return a JSON object.');
      // The version we read is what makes the write safe; the mutation does not get to change it.
      const toSend: JsonObject = { ...edited, version };
      try {
        const after = await this.putIntegrationConfig(id, toSend, signal);
        return { before, after, attempts: attempt };
      } catch (err) {
        if (!isConfigVersionConflict(err)) throw err;
        lastConflict = err;
      }
    }
    throw new GenesysError(
      'conflict',
      `The configuration of integration '${id}' kept changing on the server while saving; gave up after ${MAX_CONFIG_REREADS} re-reads. ` +
        'Nothing was written. Try again when no one else is editing it.',
      {
        status: lastConflict?.status,
        code: lastConflict?.code,
        contextId: lastConflict?.contextId,
        correlationId: lastConflict?.correlationId,
        attempts: MAX_CONFIG_REREADS + 1,
        cause: lastConflict,
      },
    );
  }

  /** GET /api/v2/notifications/availabletopics. */
  async listAvailableTopics(signal?: AbortSignal): Promise<AvailableTopic[]> {
    const ctx: RequestContext = {
      action: 'list the available notification topics',
      resource: 'The notification topics list',
      permissionHint: 'This OAuth client may not list notification topics; topic names can still be typed in full.',
    };
    return readAvailableTopics(
      await this.requestObject('GET', '/api/v2/notifications/availabletopics', ctx, undefined, signal),
    );
  }

  /** GET /api/v2/organizations/me → the org id (part of the AWS partner event source name). */
  async getOrganizationId(signal?: AbortSignal): Promise<string> {
    const ctx: RequestContext = {
      action: 'read the organization',
      resource: 'The organization',
      permissionHint: 'Check the roles granted to the OAuth client.',
    };
    const org = await this.requestObject('GET', '/api/v2/organizations/me', ctx, undefined, signal);
    if (typeof org.id !== 'string' || org.id === '') throw unexpectedShape('the organization request');
    return org.id;
  }

  /**
   * An authorized JSON request for the endpoint modules beside this class (notifications.ts): token, one refresh on
   * 401, retries (only a 429 when not idempotent), typed errors. Undefined for an empty body.
   */
  async requestJson(
    method: HttpMethod,
    path: string,
    ctx: RequestContext,
    body?: JsonValue,
    signal?: AbortSignal,
    idempotent = true,
  ): Promise<JsonValue | undefined> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    return parseJsonBody(await this.authorized(method, path, ctx, text, signal, idempotent), method, path);
  }

  /** Closes the client's own connections (a dispatcher passed in options stays open). */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.lifetime.abort();
    await this.ownedDispatcher?.close();
  }

  /** A request after sign-out or a profile switch is a cancellation, not a network failure. */
  private assertOpen(): void {
    if (this.disposed) {
      throw new GenesysError('cancelled', 'The Genesys Cloud client was closed (signed out or switched profile).');
    }
  }

  private async fetchIntegrationPage(pageNumber: number, path: string, signal?: AbortSignal) {
    const ctx: RequestContext = { action: 'list integrations', resource: 'The integrations list', permission: VIEW };
    return readIntegrationPage(await this.requestObject('GET', path, ctx, undefined, signal), pageNumber);
  }

  /** nextUri as a path on our API base, or undefined when it points anywhere else. */
  private sameApiPath(nextUri: string): string | undefined {
    let url: URL;
    try {
      url = new URL(nextUri, this.environment.apiBase);
    } catch {
      return undefined;
    }
    if (url.origin !== new URL(this.environment.apiBase).origin || url.pathname !== '/api/v2/integrations') {
      return undefined;
    }
    return url.pathname + url.search;
  }

  private async requestObject(
    method: 'GET' | 'PUT',
    path: string,
    ctx: RequestContext,
    body: JsonObject | undefined,
    signal: AbortSignal | undefined,
    fallback?: JsonObject,
  ): Promise<JsonObject> {
    const res = await this.authorized(method, path, ctx, body === undefined ? undefined : JSON.stringify(body), signal);
    const parsed = parseJsonBody(res, method, path);
    if (parsed === undefined && fallback) return fallback;
    if (!isJsonObject(parsed)) throw unexpectedShape(`${method} ${path}`, res.correlationId);
    return parsed;
  }

  /** Sends with a bearer token; a 401 gets exactly one fresh token and one resend. */
  private async authorized(
    method: HttpMethod,
    path: string,
    ctx: RequestContext,
    body: string | undefined,
    callerSignal?: AbortSignal,
    idempotent = true,
  ): Promise<HttpResponse> {
    // The caller's signal or dispose(), whichever comes first.
    const link = linkSignals(callerSignal, this.lifetime.signal);
    try {
      return await this.authorizedSend(method, path, ctx, body, link.signal, idempotent);
    } finally {
      link.unlink();
    }
  }

  private async authorizedSend(
    method: HttpMethod,
    path: string,
    ctx: RequestContext,
    body: string | undefined,
    signal: AbortSignal,
    idempotent: boolean,
  ): Promise<HttpResponse> {
    const send = (token: string) =>
      this.transport.send({
        method,
        url: this.environment.apiBase + path,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
        signal,
        context: ctx,
        idempotent,
      });
    this.assertOpen();
    let token = await this.auth.getToken(signal);
    let res = await send(token);
    if (res.status === 401) {
      this.auth.invalidate(token);
      token = await this.auth.getToken(signal);
      res = await send(token);
    }
    if (res.status >= 200 && res.status < 300) return res;
    throw errorFromResponse(res, ctx, { attempts: res.attempts });
  }
}

/**
 * A signal that aborts when any of `signals` does, detached again by unlink(). Not AbortSignal.any: Node
 * versions without the fix for nodejs/node#55351 keep a reference from a long-lived source signal (here the
 * client's lifetime) to every signal derived from it, and a client makes requests for a whole session.
 */
function linkSignals(...signals: Array<AbortSignal | undefined>): { signal: AbortSignal; unlink: () => void } {
  const controller = new AbortController();
  const links: Array<[AbortSignal, () => void]> = [];
  for (const source of signals) {
    if (!source) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const onAbort = (): void => controller.abort(source.reason);
    source.addEventListener('abort', onAbort, { once: true });
    links.push([source, onAbort]);
  }
  return {
    signal: controller.signal,
    unlink: () => links.forEach(([source, onAbort]) => source.removeEventListener('abort', onAbort)),
  };
}
