import type { JsonObject } from '../../common/json';
import { genesysError } from '../errors';
import { json, type EmulatorRequest, type EmulatorResponse } from '../http';
import type { EmulatorData } from '../state';
import { validateEventBridgeDocument } from '../validation';
import type { Route } from './router';

/**
 * The Go tutorial's GET/PUT /api/v2/integrations/eventbridge/{id}. Integrations without a stored document
 * answer 404 even when the listing shows them: that is what a real org does today.
 */
function notFound(id: string): EmulatorResponse {
  return json(404, genesysError(404, 'not.found', 'EventBridge integration {id} was not found.', { id }));
}

function getDocument(_req: EmulatorRequest, [id]: string[], data: EmulatorData): EmulatorResponse {
  const doc = data.eventBridgeDocuments.get(id);
  return doc ? json(200, structuredClone(doc)) : notFound(id);
}

/** Stores the whole document as sent: fields the emulator does not know are kept, never dropped. */
function putDocument(req: EmulatorRequest, [id]: string[], data: EmulatorData): EmulatorResponse {
  if (!data.eventBridgeDocuments.has(id)) return notFound(id);
  if (req.jsonError) {
    return json(
      400,
      genesysError(400, 'bad.request', 'The request body is not valid JSON: {reason}', { reason: req.jsonError }),
    );
  }
  const problem = validateEventBridgeDocument(req.json, id);
  if (problem) {
    return json(400, genesysError(400, 'invalid.value', '{reason}', { field: problem.field, reason: problem.message }));
  }
  const stored = structuredClone(req.json as JsonObject);
  data.eventBridgeDocuments.set(id, stored);
  return json(200, structuredClone(stored));
}

export const eventBridgeRoutes: Route<EmulatorData>[] = [
  { method: 'GET', pattern: /^\/api\/v2\/integrations\/eventbridge\/([^/]+)\/?$/, handler: getDocument },
  { method: 'PUT', pattern: /^\/api\/v2\/integrations\/eventbridge\/([^/]+)\/?$/, handler: putDocument },
];
