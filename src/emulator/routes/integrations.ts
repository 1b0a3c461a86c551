import type { JsonObject } from '../../common/json';
import { genesysError } from '../errors';
import { json, type EmulatorRequest, type EmulatorResponse } from '../http';
import type { EmulatorData } from '../state';
import { validateConfig } from '../validation';
import type { Route } from './router';

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;

function notFound(what: string, id: string): EmulatorResponse {
  return json(404, genesysError(404, 'not.found', '{entity} {id} was not found.', { entity: what, id }));
}

function badRequest(message: string, params: Record<string, string> = {}): EmulatorResponse {
  return json(400, genesysError(400, 'bad.request', message, params));
}

function parsePositiveInt(value: string | null, fallback: number): number | undefined {
  if (value === null) return fallback;
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/** GET /api/v2/integrations — Genesys paging: nextUri only while there is a next page. */
function listIntegrations(req: EmulatorRequest, _params: string[], data: EmulatorData): EmulatorResponse {
  const pageSize = parsePositiveInt(req.query.get('pageSize'), DEFAULT_PAGE_SIZE);
  if (pageSize === undefined || pageSize > MAX_PAGE_SIZE) {
    return badRequest('pageSize must be an integer from 1 to {max}.', { max: String(MAX_PAGE_SIZE) });
  }
  const pageNumber = parsePositiveInt(req.query.get('pageNumber'), 1);
  if (pageNumber === undefined) return badRequest('pageNumber must be an integer of at least 1.');
  const total = data.integrations.length;
  const pageCount = Math.ceil(total / pageSize);
  const uri = (n: number) => `/api/v2/integrations?pageSize=${pageSize}&pageNumber=${n}`;
  const listing: JsonObject = {
    entities: structuredClone(data.integrations.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)),
    pageSize,
    pageNumber,
    total,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(Math.max(pageCount, 1)),
    pageCount,
  };
  if (pageNumber < pageCount) listing.nextUri = uri(pageNumber + 1);
  if (pageNumber > 1) listing.previousUri = uri(Math.min(pageNumber - 1, Math.max(pageCount, 1)));
  return json(200, listing);
}

function getIntegration(_req: EmulatorRequest, [id]: string[], data: EmulatorData): EmulatorResponse {
  const entity = data.findIntegration(id);
  return entity ? json(200, structuredClone(entity)) : notFound('Integration', id);
}

function getConfig(_req: EmulatorRequest, [id]: string[], data: EmulatorData): EmulatorResponse {
  const config = data.findIntegration(id) ? data.configs.get(id) : undefined;
  return config ? json(200, structuredClone(config)) : notFound('Integration', id);
}

/** PUT config/current: optimistic concurrency on `version`, then the whole body becomes the next version. */
function putConfig(req: EmulatorRequest, [id]: string[], data: EmulatorData): EmulatorResponse {
  const current = data.findIntegration(id) ? data.configs.get(id) : undefined;
  if (!current) return notFound('Integration', id);
  if (req.jsonError) return badRequest('The request body is not valid JSON: {reason}', { reason: req.jsonError });
  const problem = validateConfig(req.json, data.isEventBridge(id));
  if (problem) return badRequest(problem.message);
  const body = req.json as JsonObject;
  if (body.version !== current.version) {
    return json(
      409,
      genesysError(
        409,
        'conflict',
        'The version {version} supplied for the integration configuration does not match the current version {currentVersion}.',
        { version: JSON.stringify(body.version), currentVersion: JSON.stringify(current.version) },
      ),
    );
  }
  return json(200, data.storeConfigAsNextVersion(id, body));
}

export const integrationRoutes: Route<EmulatorData>[] = [
  { method: 'GET', pattern: /^\/api\/v2\/integrations\/?$/, handler: listIntegrations },
  { method: 'GET', pattern: /^\/api\/v2\/integrations\/([^/]+)\/config\/current\/?$/, handler: getConfig },
  { method: 'PUT', pattern: /^\/api\/v2\/integrations\/([^/]+)\/config\/current\/?$/, handler: putConfig },
  { method: 'GET', pattern: /^\/api\/v2\/integrations\/(?!eventbridge\/?$)([^/]+)\/?$/, handler: getIntegration },
];
