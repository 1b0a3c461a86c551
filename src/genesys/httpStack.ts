import * as path from 'node:path';
import type { Dispatcher, WebSocket } from 'undici';
import { lazy } from '../common/lazy';
import type { DispatcherOptions } from './dispatcher';
import { chooseRoute } from './proxyRoute';
import type { HttpSender } from './sender';

// Lazy edges (see common/lazy.ts): an HTTP stack loads on the client's first request, never at import.
const nodeSenderModule = lazy(() => require('./nodeSender') as typeof import('./nodeSender'));
// undici is also its own bundle (dist/undiciSender.js, an entry of the `bundle` script): at ≈ 550 KB, merely
// compiling it would cost every start-up ≈ 15 ms even unused. The path is computed so esbuild leaves it alone; it is
// the sibling file in dist/ and in tsc's out/src/genesys/ alike.
const undiciSenderModule = lazy(
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy edge to a separate bundle
  () => require(path.join(__dirname, 'undiciSender.js')) as typeof import('./undiciSender'),
);

export interface HttpStackChoice {
  /** Replaces the stack's own Agent (tests pass a MockAgent); the stack does not close it. */
  dispatcher?: Dispatcher;
  /** See GenesysClientOptions.httpStack. */
  kind?: 'undici' | 'node';
}

/**
 * The connections of one client: which sender its requests go through (chosen now, loaded on first use), the
 * WebSocket route of the notification tap, and closing both. Nothing here knows about Genesys Cloud's API.
 */
export class HttpStack {
  /** For the transport: the sender, created on the first request. */
  readonly sender: () => HttpSender;
  private senderCreated = false;
  /** The notification tap's WebSocket route, made on first use (the API requests may run on Node's stack). */
  private socketDispatcher?: Dispatcher;

  constructor(
    private readonly route: DispatcherOptions,
    private readonly choice: HttpStackChoice = {},
  ) {
    // Decided (and a bad proxy URL rejected) now; the stack itself loads on the first request.
    const direct = chooseRoute(route.environment, route.proxy).kind === 'direct';
    const useNode = choice.kind === 'node' && direct && !choice.dispatcher;
    this.sender = lazy(() => {
      this.senderCreated = true;
      if (useNode) return nodeSenderModule().nodeSender(route.connectTimeoutMs);
      return undiciSenderModule().undiciSender(choice.dispatcher, route);
    });
  }

  /**
   * A WebSocket on the client's route (its proxy too). Loads undici, which also implements the socket; the API
   * requests themselves may run on Node's stack (the CLI).
   */
  openWebSocket(url: string): WebSocket {
    const undici = undiciSenderModule();
    this.socketDispatcher ??= this.choice.dispatcher ?? undici.createDispatcher(this.route).dispatcher;
    return new undici.WebSocket(url, { dispatcher: this.socketDispatcher });
  }

  /** Closes the stack's own connections (a dispatcher passed in options stays open). */
  async close(): Promise<void> {
    if (this.senderCreated) await this.sender().close();
    if (this.socketDispatcher && this.socketDispatcher !== this.choice.dispatcher) await this.socketDispatcher.close();
  }
}
