/** Paths, request contexts, permissions and errors of the integration endpoints GenesysClient calls. */
import { GenesysError } from './errors';
import type { RequestContext } from './responseErrors';

const PAGE_SIZE = 100;

export const VIEW = 'integrations:integration:view';
export const EDIT = 'integrations:integration:edit';

export function integrationsPath(pageNumber: number): string {
  return `/api/v2/integrations?pageSize=${PAGE_SIZE}&pageNumber=${pageNumber}`;
}

/** A page's nextUri as a path of the integrations list on our API base, or undefined when it points anywhere else. */
export function sameIntegrationsPath(nextUri: string, apiBase: string): string | undefined {
  let url: URL;
  try {
    url = new URL(nextUri, apiBase);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(apiBase).origin || url.pathname !== '/api/v2/integrations') return undefined;
  return url.pathname + url.search;
}

export function configPath(id: string): string {
  return `/api/v2/integrations/${encodeId(id)}/config/current`;
}

/** The subscription-filter endpoint of the tutorial; not part of Genesys Cloud's public API (real orgs answer 404). */
export function eventBridgePath(id: string): string {
  return `/api/v2/integrations/eventbridge/${encodeId(id)}`;
}

export function encodeId(id: string): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new GenesysError('invalidRequest', 'The integration id is empty.');
  }
  const trimmed = id.trim();
  // encodeURIComponent leaves dots alone and URL parsing resolves "." and ".." (even as %2E) as path
  // segments: ".." would turn PUT /integrations/eventbridge/.. into PUT /integrations/.
  if (trimmed === '.' || trimmed === '..') {
    throw new GenesysError('invalidRequest', `"${trimmed}" is not an integration id.`);
  }
  return encodeURIComponent(trimmed);
}

export function configContext(id: string, action: string, permission: string): RequestContext {
  return { action: `${action} integration '${id}'`, resource: `Integration '${id}'`, permission };
}

export function eventBridgeContext(id: string, action: string, permission: string): RequestContext {
  return {
    action: `${action} integration '${id}'`,
    resource: `The EventBridge document of integration '${id}'`,
    permission,
  };
}

/** The 404 of the subscription-filter endpoint for an integration whose config exists: the endpoint is missing. */
export function subscriptionFiltersUnavailable(id: string, notFound: GenesysError): GenesysError {
  return new GenesysError(
    'notFound',
    `Attribute filters are not available for integration '${id}' on this org: the subscription-filter endpoint ` +
      '(/api/v2/integrations/eventbridge/{id}) answered 404 although the integration exists. Topic filters ' +
      '(properties.eventFilter of its config) work on every org.',
    {
      status: notFound.status,
      code: notFound.code,
      contextId: notFound.contextId,
      correlationId: notFound.correlationId,
      subscriptionFiltersUnavailable: true,
      integrationId: id,
      cause: notFound,
    },
  );
}
