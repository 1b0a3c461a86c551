import { GenesysError } from './errors';
import { type GenesysEnvironment, isLoopbackHost } from './regions';

/** How requests reach Genesys Cloud: directly, through an explicit proxy, or through the environment's proxy variables. */
export type ProxyRoute =
  | { kind: 'direct' }
  | { kind: 'proxy'; uri: string }
  | { kind: 'envProxy'; httpProxy?: string; httpsProxy?: string; noProxy?: string };

/**
 * Decides the route without loading any HTTP stack, and rejects a malformed proxy URL up front (a client with a bad
 * proxy setting fails when it is created, not on its first request).
 */
export function chooseRoute(
  environment: GenesysEnvironment,
  proxy: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ProxyRoute {
  // A loopback origin is the local emulator: sending it to a corporate proxy can only fail.
  const host = new URL(environment.apiBase).hostname;
  if (isLoopbackHost(host)) return { kind: 'direct' };
  const explicit = proxy?.trim();
  if (explicit) {
    validateProxyUrl(explicit);
    return { kind: 'proxy', uri: explicit };
  }
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY;
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
  if (httpsProxy || httpProxy) {
    if (httpsProxy) validateProxyUrl(httpsProxy);
    if (httpProxy) validateProxyUrl(httpProxy);
    return { kind: 'envProxy', httpProxy, httpsProxy, noProxy: env.no_proxy ?? env.NO_PROXY };
  }
  return { kind: 'direct' };
}

function validateProxyUrl(value: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    // The value may carry proxy credentials, so it is not echoed back.
    throw new GenesysError(
      'configuration',
      'The proxy setting is not an http:// or https:// URL (e.g. http://proxy.example.com:8080).',
    );
  }
}
