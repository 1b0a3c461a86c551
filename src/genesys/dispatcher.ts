import { Agent, Dispatcher, EnvHttpProxyAgent, ProxyAgent } from 'undici';
import { GenesysError } from './errors';
import { GenesysEnvironment, isLoopbackHost } from './regions';

export interface DispatcherOptions {
  environment: GenesysEnvironment;
  proxy?: string;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** Process environment to read proxy variables from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}

export type DispatcherKind = 'agent' | 'proxy' | 'envProxy';

/**
 * One dispatcher per client, never the global one: the extension host is shared with other
 * extensions, and each profile may need its own proxy.
 */
export function createDispatcher(opts: DispatcherOptions): { dispatcher: Dispatcher; kind: DispatcherKind } {
  const tls = { minVersion: 'TLSv1.2' as const, timeout: opts.connectTimeoutMs };
  const agentOptions: Agent.Options = {
    connect: tls,
    headersTimeout: opts.requestTimeoutMs,
    bodyTimeout: opts.requestTimeoutMs,
  };

  // A loopback origin is the local emulator: sending it to a corporate proxy can only fail.
  const host = new URL(opts.environment.apiBase).hostname;
  if (isLoopbackHost(host)) return { dispatcher: new Agent(agentOptions), kind: 'agent' };

  const proxy = opts.proxy?.trim();
  if (proxy) {
    validateProxyUrl(proxy);
    return {
      dispatcher: new ProxyAgent({ ...agentOptions, uri: proxy, requestTls: tls, proxyTls: tls }),
      kind: 'proxy',
    };
  }

  const env = opts.env ?? process.env;
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY;
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
  if (httpsProxy || httpProxy) {
    if (httpsProxy) validateProxyUrl(httpsProxy);
    if (httpProxy) validateProxyUrl(httpProxy);
    return {
      dispatcher: new EnvHttpProxyAgent({
        ...agentOptions,
        httpProxy,
        httpsProxy,
        noProxy: env.no_proxy ?? env.NO_PROXY,
        requestTls: tls,
        proxyTls: tls,
      }),
      kind: 'envProxy',
    };
  }
  return { dispatcher: new Agent(agentOptions), kind: 'agent' };
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
