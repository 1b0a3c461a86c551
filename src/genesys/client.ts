import { setMaxListeners } from 'node:events';
import type { Dispatcher, WebSocket } from 'undici';
import type { JsonObject, JsonValue } from '../common/json';
import { ApiRequests } from './apiRequests';
import { TokenProvider } from './auth';
import {
  updateUnversionedDocument,
  updateVersionedConfig,
  type ConfigUpdate,
  type ConfigUpdateOptions,
  type DocumentEdit,
  type DocumentEndpoint,
  type DocumentUpdate,
  type DocumentUpdateOptions,
} from './documentUpdates';
import {
  EDIT,
  VIEW,
  configContext,
  configPath,
  eventBridgeContext,
  eventBridgePath,
  integrationsPath,
  sameIntegrationsPath,
  subscriptionFiltersUnavailable,
} from './endpoints';
import { GenesysError, isCancellation, isGenesysError } from './errors';
import { HttpTransport, type HttpMethod, RequestLogEntry, RetryNotice, TransportTiming, realTiming } from './http';
import { IntegrationPage, IntegrationSummary, readIntegrationPage, unexpectedShape } from './integrations';
import { requireObject } from './jsonBodies';
import { HttpStack } from './httpStack';
import { RateLimitPacer, type PaceNotice } from './rateLimitPacer';
import { GenesysEnvironment, resolveEnvironment } from './regions';
import type { RequestContext } from './responseErrors';

export type { IntegrationPage, IntegrationSummary } from './integrations';
export type { RequestLogEntry, RetryNotice } from './http';
export type { PaceNotice } from './rateLimitPacer';
export type {
  ConfigUpdate,
  ConfigUpdateOptions,
  DocumentEdit,
  DocumentProposal,
  DocumentUpdate,
  DocumentUpdateOptions,
} from './documentUpdates';
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
  /**
   * Requests wait for the token's rate-limit window to reset rather than be answered 429: told once per window
   * when that happens (a log line, a CLI notice).
   */
  onPace?: (n: PaceNotice) => void;
  /** Replaces the client's own Agent (tests pass a MockAgent); the client does not close it. */
  dispatcher?: Dispatcher;
  /**
   * `undici` (default): undici for every request — proxy agents, one pool for a long-lived host (the extension).
   * `node`: Node's own http/https when the route is direct, undici only through a proxy — for short-lived processes
   * (the CLI), which would otherwise spend more on loading undici than on their requests.
   */
  httpStack?: 'undici' | 'node';
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Guards against a server whose nextUri never ends. */
const MAX_PAGES = 1_000;

/**
 * A Genesys Cloud API client for one OAuth client in one environment. Each integration document has exactly one
 * way to be written: {@link updateIntegrationConfig} and {@link updateEventBridgeDocument}.
 */
export class GenesysClient {
  readonly environment: GenesysEnvironment;
  readonly clientId: string;
  private readonly auth: TokenProvider;
  private readonly requests: ApiRequests;
  private readonly http: HttpStack;

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

    const route = { environment: this.environment, proxy: opts.proxy, connectTimeoutMs, requestTimeoutMs };
    this.http = new HttpStack(route, { dispatcher: opts.dispatcher, kind: opts.httpStack });
    const { sender } = this.http;
    const { onRequest, onRetry } = opts;
    // One pacer per client: the limit is per token, and a client has one token at a time.
    const pacer = new RateLimitPacer(timing, opts.onPace);
    const transport = new HttpTransport({ sender, requestTimeoutMs, onRequest, onRetry, timing, pacer });
    // Ends with the client: every request, retry wait and the shared token request (no single caller may cancel it).
    const lifetime = new AbortController();
    // Every request in flight listens to it (see ApiRequests): as many as callers run at once, not a leak.
    setMaxListeners(0, lifetime.signal);
    const { tokenUrl, apiBase } = this.environment;
    this.auth = new TokenProvider(transport, tokenUrl, this.clientId, opts.clientSecret, timing.now, lifetime.signal);
    this.requests = new ApiRequests(transport, this.auth, apiBase, lifetime);
  }

  /** Forces a fresh token request: the sign-in check. */
  async authenticate(signal?: AbortSignal): Promise<void> {
    this.requests.assertOpen();
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
      const next = page.nextUri ? sameIntegrationsPath(page.nextUri, this.environment.apiBase) : undefined;
      if (next && !seen.has(next)) path = next;
      else if (page.pageNumber < page.pageCount) path = integrationsPath(page.pageNumber + 1);
      else return all;
      if (seen.has(path)) return all;
    }
    return all;
  }

  /**
   * GET /api/v2/integrations/eventbridge/{id}: the tutorial's subscription-filter document. A 404 for an
   * integration whose config exists means this org does not offer the endpoint (every real org today): the error
   * then carries `subscriptionFiltersUnavailable`; a 404 for both means the integration itself is not there.
   */
  async getEventBridgeDocument(id: string, signal?: AbortSignal): Promise<JsonObject> {
    const ctx = eventBridgeContext(id, 'read the EventBridge document of', VIEW);
    try {
      return await this.requests.object('GET', eventBridgePath(id), ctx, { signal });
    } catch (err) {
      if (!isGenesysError(err) || err.kind !== 'notFound') throw err;
      throw await this.explainMissingDocument(id, err, signal);
    }
  }

  /** GET /api/v2/integrations/{id}/config/current: {name, version, properties, advanced, notes, credentials}. */
  async getIntegrationConfig(id: string, signal?: AbortSignal): Promise<JsonObject> {
    const ctx = configContext(id, 'read the configuration of', VIEW);
    return this.requests.object('GET', configPath(id), ctx, { signal });
  }

  /**
   * The config's one write path: read → edit a copy → PUT with the read `version`. When another writer got there
   * first (409, 408, or a version-mismatch 400) it re-reads and re-applies the same edit, at most 3 times, then
   * fails with kind 'conflict'. `after` is what the server returned for the PUT.
   */
  updateIntegrationConfig(id: string, edit: DocumentEdit, options?: ConfigUpdateOptions): Promise<ConfigUpdate> {
    return updateVersionedConfig(this.configEndpoint(id), id, edit, options);
  }

  /**
   * The EventBridge document's one write path: read (or `options.base`) → edit a copy → `options.review` → read
   * again just before the PUT; if the document changed meanwhile, the same edit is redone on the newer one (and
   * reviewed again), at most 5 rounds, then a 'conflict'. A concurrent change is never overwritten.
   */
  updateEventBridgeDocument(id: string, edit: DocumentEdit, options?: DocumentUpdateOptions): Promise<DocumentUpdate> {
    const endpoint: DocumentEndpoint = {
      get: (signal) => this.getEventBridgeDocument(id, signal),
      put: (document, signal) => {
        const ctx = eventBridgeContext(id, 'update the EventBridge document of', EDIT);
        const body = requireObject(document, 'document');
        return this.requests.object('PUT', eventBridgePath(id), ctx, { body, signal, fallback: document });
      },
    };
    return updateUnversionedDocument(endpoint, id, edit, options);
  }

  /** GET /api/v2/organizations/me → the org id (part of the AWS partner event source name). */
  async getOrganizationId(signal?: AbortSignal): Promise<string> {
    const ctx: RequestContext = {
      action: 'read the organization',
      resource: 'The organization',
      permissionHint: 'Check the roles granted to the OAuth client.',
    };
    const org = await this.requests.object('GET', '/api/v2/organizations/me', ctx, { signal });
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
    return this.requests.json(method, path, ctx, { body, signal, idempotent });
  }

  /**
   * A WebSocket on the client's route (its proxy too): the notification tap listens on it. Loads undici, which also
   * implements the socket; the API requests themselves may run on Node's stack (the CLI).
   */
  openWebSocket(url: string): WebSocket {
    return this.http.openWebSocket(url);
  }

  /** Closes the client's own connections (a dispatcher passed in options stays open). */
  async dispose(): Promise<void> {
    this.requests.close();
    await this.http.close();
  }

  private configEndpoint(id: string): DocumentEndpoint {
    return {
      get: (signal) => this.getIntegrationConfig(id, signal),
      put: (config, signal) => {
        const ctx = configContext(id, 'update the configuration of', EDIT);
        const body = requireObject(config, 'config');
        return this.requests.object('PUT', configPath(id), ctx, { body, signal, fallback: config });
      },
    };
  }

  /** The 404 of the subscription-filter endpoint, told apart: the endpoint is missing, or the integration is. */
  private async explainMissingDocument(id: string, notFound: GenesysError, signal?: AbortSignal): Promise<unknown> {
    try {
      await this.getIntegrationConfig(id, signal);
    } catch (err) {
      // Gone altogether, or the check itself failed: either way the first error is the one to report.
      return isCancellation(err) ? err : notFound;
    }
    return subscriptionFiltersUnavailable(id, notFound);
  }

  private async fetchIntegrationPage(pageNumber: number, path: string, signal?: AbortSignal) {
    const ctx: RequestContext = { action: 'list integrations', resource: 'The integrations list', permission: VIEW };
    return readIntegrationPage(await this.requests.object('GET', path, ctx, { signal }), pageNumber);
  }
}

function positiveOr(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new GenesysError('configuration', `${name} must be a positive number of milliseconds (got ${value}).`);
  }
  return value;
}
