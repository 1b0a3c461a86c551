import type { JsonObject } from '../../common/json';
import { validateFaultRule, type FaultRule } from '../faults';
import { genesysError } from '../errors';
import { json, type EmulatorRequest, type EmulatorResponse } from '../http';
import { isJsonObject } from '../../common/json';
import { limitsProblem, type EmulatorLimits } from '../rateLimit';
import type { Route } from './router';

/** What the admin API drives: the same operations as the JS API of `startEmulator`. */
export interface AdminControls {
  readonly requests: unknown[];
  clearRequests: () => void;
  listFaults: () => FaultRule[];
  addFault: (rule: FaultRule) => void;
  clearFaults: () => void;
  expireTokens: () => void;
  reset: () => void;
  getEventBridgeDocument: (id: string) => JsonObject | undefined;
  setEventBridgeDocument: (id: string, doc: JsonObject) => void;
  getConfig: (id: string) => JsonObject | undefined;
  setConfig: (id: string, config: JsonObject) => void;
  notifications: () => JsonObject;
  configureNotifications: (settings: { eventsPerSecond?: number; heartbeatMs?: number }) => {
    eventsPerSecond: number;
    heartbeatMs: number;
  };
  dropSockets: () => number;
  expireChannels: (id?: string) => number;
  limits: () => EmulatorLimits;
  setLimits: (limits: Partial<EmulatorLimits>) => void;
}

const noContent: EmulatorResponse = { status: 204 };

function badRequest(message: string, params: Record<string, string> = {}): EmulatorResponse {
  return json(400, genesysError(400, 'bad.request', message, params));
}

type BodyResult = { ok: true; body: JsonObject } | { ok: false; response: EmulatorResponse };

function objectBody(req: EmulatorRequest): BodyResult {
  if (req.jsonError) {
    return {
      ok: false,
      response: badRequest('The request body is not valid JSON: {reason}', { reason: req.jsonError }),
    };
  }
  if (!isJsonObject(req.json)) return { ok: false, response: badRequest('The request body must be a JSON object.') };
  return { ok: true, body: req.json };
}

function addFaults(req: EmulatorRequest, _params: string[], admin: AdminControls): EmulatorResponse {
  if (req.jsonError) return badRequest('The request body is not valid JSON: {reason}', { reason: req.jsonError });
  const rules = Array.isArray(req.json) ? req.json : [req.json];
  // Check every rule first so a bad one in a list adds none of them.
  for (const [i, rule] of rules.entries()) {
    const problem = validateFaultRule(rule);
    if (problem) return badRequest('Fault rule {index}: {reason}', { index: String(i), reason: problem });
  }
  for (const rule of rules) admin.addFault(rule as FaultRule);
  return json(200, admin.listFaults());
}

function getDocument(_req: EmulatorRequest, [id]: string[], admin: AdminControls): EmulatorResponse {
  const doc = admin.getEventBridgeDocument(id);
  return doc
    ? json(200, doc)
    : json(404, genesysError(404, 'not.found', 'No EventBridge document is stored for {id}.', { id }));
}

/** Stores without validation: tests use it to plant documents the public endpoint would refuse. */
function putDocument(req: EmulatorRequest, [id]: string[], admin: AdminControls): EmulatorResponse {
  const result = objectBody(req);
  if (!result.ok) return result.response;
  admin.setEventBridgeDocument(id, result.body);
  return json(200, admin.getEventBridgeDocument(id));
}

function getConfig(_req: EmulatorRequest, [id]: string[], admin: AdminControls): EmulatorResponse {
  const config = admin.getConfig(id);
  return config
    ? json(200, config)
    : json(404, genesysError(404, 'not.found', 'Integration {id} was not found.', { id }));
}

/** A concurrent writer: stores the body as the next version, whatever version it carries. */
function putConfig(req: EmulatorRequest, [id]: string[], admin: AdminControls): EmulatorResponse {
  const result = objectBody(req);
  if (!result.ok) return result.response;
  try {
    admin.setConfig(id, result.body);
  } catch (err) {
    return json(404, genesysError(404, 'not.found', '{reason}', { reason: (err as Error).message }));
  }
  return json(200, admin.getConfig(id));
}

/** `{eventsPerSecond?, heartbeatMs?}`: the channels' event rate and heartbeat interval, from now on. */
function configureNotifications(req: EmulatorRequest, _params: string[], admin: AdminControls): EmulatorResponse {
  const result = objectBody(req);
  if (!result.ok) return result.response;
  const unknown = Object.keys(result.body).find((k) => k !== 'eventsPerSecond' && k !== 'heartbeatMs');
  if (unknown) return badRequest('Unknown field {field} (known: eventsPerSecond, heartbeatMs).', { field: unknown });
  try {
    return json(200, admin.configureNotifications(result.body));
  } catch (err) {
    return badRequest('{reason}', { reason: (err as Error).message });
  }
}

/** Ends one channel (`{"id": …}`) or, without a body, every channel. */
function expireChannels(req: EmulatorRequest, _params: string[], admin: AdminControls): EmulatorResponse {
  if (req.rawBody.trim() === '') return json(200, { expired: admin.expireChannels() });
  const result = objectBody(req);
  if (!result.ok) return result.response;
  if (typeof result.body.id !== 'string') return badRequest('The body must be {"id": "<channel id>"} or empty.');
  return json(200, { expired: admin.expireChannels(result.body.id) });
}

/** `{rateLimit?: {allowed, windowSeconds} | null, latencyMs?}`: the fields given change, the others stay. */
function putLimits(req: EmulatorRequest, _params: string[], admin: AdminControls): EmulatorResponse {
  const result = objectBody(req);
  if (!result.ok) return result.response;
  const problem = limitsProblem(result.body);
  if (problem) return badRequest('Invalid limits: {reason}', { reason: problem });
  admin.setLimits(result.body);
  return json(200, admin.limits());
}

export const adminRoutes: Route<AdminControls>[] = [
  { method: 'GET', pattern: /^\/__emulator\/notifications\/?$/, handler: (_r, _p, a) => json(200, a.notifications()) },
  { method: 'PUT', pattern: /^\/__emulator\/notifications\/?$/, handler: configureNotifications },
  {
    method: 'POST',
    pattern: /^\/__emulator\/notifications\/drop-sockets\/?$/,
    handler: (_r, _p, a) => json(200, { dropped: a.dropSockets() }),
  },
  { method: 'POST', pattern: /^\/__emulator\/notifications\/expire-channels\/?$/, handler: expireChannels },
  { method: 'GET', pattern: /^\/__emulator\/requests\/?$/, handler: (_r, _p, a) => json(200, a.requests) },
  { method: 'DELETE', pattern: /^\/__emulator\/requests\/?$/, handler: (_r, _p, a) => (a.clearRequests(), noContent) },
  { method: 'GET', pattern: /^\/__emulator\/faults\/?$/, handler: (_r, _p, a) => json(200, a.listFaults()) },
  { method: 'POST', pattern: /^\/__emulator\/faults\/?$/, handler: addFaults },
  { method: 'DELETE', pattern: /^\/__emulator\/faults\/?$/, handler: (_r, _p, a) => (a.clearFaults(), noContent) },
  { method: 'POST', pattern: /^\/__emulator\/reset\/?$/, handler: (_r, _p, a) => (a.reset(), noContent) },
  {
    method: 'POST',
    pattern: /^\/__emulator\/expire-tokens\/?$/,
    handler: (_r, _p, a) => (a.expireTokens(), noContent),
  },
  { method: 'GET', pattern: /^\/__emulator\/eventbridge\/([^/]+)\/?$/, handler: getDocument },
  { method: 'PUT', pattern: /^\/__emulator\/eventbridge\/([^/]+)\/?$/, handler: putDocument },
  { method: 'GET', pattern: /^\/__emulator\/config\/([^/]+)\/?$/, handler: getConfig },
  { method: 'PUT', pattern: /^\/__emulator\/config\/([^/]+)\/?$/, handler: putConfig },
  { method: 'GET', pattern: /^\/__emulator\/limits\/?$/, handler: (_r, _p, a) => json(200, a.limits()) },
  { method: 'PUT', pattern: /^\/__emulator\/limits\/?$/, handler: putLimits },
];
