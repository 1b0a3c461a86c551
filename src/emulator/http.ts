import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bodies larger than this are refused; nothing we emulate is anywhere near it. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`request body exceeds ${MAX_BODY_BYTES} bytes`);
  }
}

/** One incoming request with its body read; handlers never touch the raw stream. */
export interface EmulatorRequest {
  method: string;
  /** Path including the query string, exactly as the client sent it. */
  pathWithQuery: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** The parsed body when it was JSON; `undefined` when absent or not JSON (see `jsonError`). */
  json: unknown;
  /** Set when the body claims or looks like JSON but does not parse. */
  jsonError?: string;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function toEmulatorRequest(req: IncomingMessage, rawBody: string): EmulatorRequest {
  const pathWithQuery = req.url ?? '/';
  const url = new URL(pathWithQuery, 'http://emulator.invalid');
  const result: EmulatorRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    pathWithQuery,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    json: undefined,
  };
  const contentType = String(req.headers['content-type'] ?? '');
  const trimmed = rawBody.trim();
  const looksJson = contentType.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[');
  if (trimmed.length > 0 && looksJson) {
    try {
      result.json = JSON.parse(rawBody);
    } catch (err) {
      result.jsonError = (err as Error).message;
    }
  }
  return result;
}

/** What a handler answers; the server adds the common headers and writes it. */
export interface EmulatorResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): EmulatorResponse {
  return { status, body, headers };
}

export function writeResponse(
  res: ServerResponse,
  response: EmulatorResponse,
  commonHeaders: Record<string, string>,
): void {
  const headers: Record<string, string> = { ...commonHeaders, ...response.headers };
  if (response.body === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  headers['content-type'] = 'application/json; charset=UTF-8';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(response.status, headers);
  res.end(text);
}
