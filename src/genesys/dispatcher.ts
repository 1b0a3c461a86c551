import { Agent, Dispatcher, EnvHttpProxyAgent, ProxyAgent } from 'undici';
import { chooseRoute } from './proxyRoute';
import type { GenesysEnvironment } from './regions';

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
  const route = chooseRoute(opts.environment, opts.proxy, opts.env ?? process.env);
  switch (route.kind) {
    case 'direct':
      return { dispatcher: new Agent(agentOptions), kind: 'agent' };
    case 'proxy':
      return {
        dispatcher: new ProxyAgent({ ...agentOptions, uri: route.uri, requestTls: tls, proxyTls: tls }),
        kind: 'proxy',
      };
    case 'envProxy':
      return {
        dispatcher: new EnvHttpProxyAgent({
          ...agentOptions,
          httpProxy: route.httpProxy,
          httpsProxy: route.httpsProxy,
          noProxy: route.noProxy,
          requestTls: tls,
          proxyTls: tls,
        }),
        kind: 'envProxy',
      };
  }
}
