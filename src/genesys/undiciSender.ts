import { Dispatcher, request } from 'undici';
import { createDispatcher, type DispatcherOptions } from './dispatcher';
import type { HttpSender } from './sender';

// Also from this bundle, so undici is compiled once and only when needed: the tap's WebSocket and its route.
export { WebSocket } from 'undici';
export { createDispatcher } from './dispatcher';

/**
 * Requests through undici: the client's own dispatcher (proxy-aware, see dispatcher.ts), or one passed in (tests'
 * MockAgent), which stays open when the client closes. Loaded lazily: requiring undici costs ≈ 80 ms and 20 MiB.
 */
export function undiciSender(given: Dispatcher | undefined, options: DispatcherOptions): HttpSender {
  const owned = given ? undefined : createDispatcher(options).dispatcher;
  const dispatcher: Dispatcher = given ?? (owned as Dispatcher);
  return {
    async send(url, req) {
      const res = await request(url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: req.signal,
        dispatcher,
      });
      return { statusCode: res.statusCode, headers: res.headers, text: await res.body.text() };
    },
    close: async () => {
      await owned?.close();
    },
  };
}
