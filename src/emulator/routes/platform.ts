import type { JsonObject } from '../../common/json';
import { json, type EmulatorRequest, type EmulatorResponse } from '../http';
import type { EmulatorData } from '../state';
import type { Route } from './router';

function organizationMe(_req: EmulatorRequest, _params: string[], data: EmulatorData): EmulatorResponse {
  return json(200, structuredClone(data.organization));
}

/** Like the platform, schemas are only included with `expand=schema` (they make the answer large). */
function availableTopics(req: EmulatorRequest, _params: string[], data: EmulatorData): EmulatorResponse {
  const expand = req.query.getAll('expand').flatMap((v) => v.split(','));
  const withSchema = expand.includes('schema');
  const entities = data.availableTopics.map((topic) => {
    const copy: JsonObject = structuredClone(topic);
    if (!withSchema) delete copy.schema;
    return copy;
  });
  return json(200, { entities });
}

export const platformRoutes: Route<EmulatorData>[] = [
  { method: 'GET', pattern: /^\/api\/v2\/organizations\/me\/?$/, handler: organizationMe },
  { method: 'GET', pattern: /^\/api\/v2\/notifications\/availabletopics\/?$/, handler: availableTopics },
];
