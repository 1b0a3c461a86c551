import { genesysError } from '../errors';
import { json, type EmulatorRequest, type EmulatorResponse } from '../http';

export type RouteHandler<C> = (req: EmulatorRequest, params: string[], ctx: C) => EmulatorResponse;

export interface Route<C> {
  method: string;
  /** Anchored pattern on the path; capture groups become `params` (URI-decoded). */
  pattern: RegExp;
  handler: RouteHandler<C>;
}

/**
 * Finds the handler for a request: 404 when no pattern matches the path, 405 (with `Allow`) when
 * the path exists but not for this method.
 */
export function dispatch<C>(routes: Route<C>[], req: EmulatorRequest, ctx: C): EmulatorResponse {
  const allowed: string[] = [];
  for (const route of routes) {
    const m = route.pattern.exec(req.path);
    if (!m) continue;
    if (route.method !== req.method) {
      allowed.push(route.method);
      continue;
    }
    let params: string[];
    try {
      params = m.slice(1).map((p) => decodeURIComponent(p));
    } catch {
      return json(400, genesysError(400, 'bad.request', 'The path contains an invalid percent-encoding.'));
    }
    return route.handler(req, params, ctx);
  }
  if (allowed.length > 0) {
    return json(
      405,
      genesysError(405, 'method.not.allowed', 'HTTP method {method} is not supported for {path}.', {
        method: req.method,
        path: req.path,
      }),
      { allow: allowed.join(', ') },
    );
  }
  return json(404, genesysError(404, 'not.found', 'The requested resource was not found: {path}', { path: req.path }));
}
