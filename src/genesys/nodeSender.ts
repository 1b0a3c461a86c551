import * as http from 'node:http';
import * as https from 'node:https';
import { CONNECT_TIMEOUT_CODE, type HttpSender } from './sender';

/**
 * Requests through Node's own http/https with one keep-alive connection pool: what the CLI uses for direct
 * connections. Node's HTTP stack is part of Node itself; undici (≈ 80 ms and 20 MiB to load, plus a TurboFan
 * compile of its llhttp wasm that peaks at ≈ 35 MiB on the first request) is not worth it for a process that
 * makes four requests and exits. No proxy support: with a proxy the client uses undici (see client.ts).
 */
export function nodeSender(connectTimeoutMs: number): HttpSender {
  const agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true, minVersion: 'TLSv1.2' }),
  };
  return {
    send(url, req) {
      const secure = url.protocol === 'https:';
      const headers: Record<string, string> = { ...req.headers };
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
      return new Promise((resolve, reject) => {
        const options = { method: req.method, headers, signal: req.signal, agent: agents[secure ? 'https:' : 'http:'] };
        const request = (secure ? https : http).request(url, options, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              statusCode: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        });
        request.on('error', reject);
        request.on('socket', (socket) => {
          if (!socket.connecting) return; // a pooled connection
          const timer = setTimeout(() => {
            const err = Object.assign(new Error(`connect timeout after ${connectTimeoutMs} ms`), {
              code: CONNECT_TIMEOUT_CODE,
            });
            request.destroy(err);
          }, connectTimeoutMs);
          socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(timer));
          socket.once('close', () => clearTimeout(timer));
        });
        request.end(req.body);
      });
    },
    close: async () => {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
