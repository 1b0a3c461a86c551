import assert from 'node:assert/strict';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../src/emulator/server';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** Plain fetch against the emulator; the body is parsed when it is JSON. */
export async function call(
  emulator: Emulator,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(emulator.url + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export async function tokenRequest(
  emulator: Emulator,
  clientId = emulator.clientId,
  clientSecret = emulator.clientSecret,
  form = 'grant_type=client_credentials',
): Promise<Reply> {
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
  return call(emulator, 'POST', '/oauth/token', {
    body: form,
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

export async function getToken(emulator: Emulator): Promise<string> {
  const reply = await tokenRequest(emulator);
  if (reply.status !== 200) throw new Error(`token request failed: ${reply.status}`);
  return reply.body.access_token as string;
}

/** An emulator plus a valid token; `close()` in `after`. */
export async function startWithToken(opts: EmulatorOptions = {}): Promise<{ emulator: Emulator; token: string }> {
  const emulator = await startEmulator(opts);
  return { emulator, token: await getToken(emulator) };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks the Genesys error body shape and returns it. */
export function assertGenesysError(reply: Reply, status: number): { code: string; message: string; contextId: string } {
  const b = reply.body;
  assert.equal(reply.status, status, `unexpected status; body: ${JSON.stringify(b)}`);
  assert.deepEqual(Object.keys(b).sort(), [
    'code',
    'contextId',
    'details',
    'errors',
    'message',
    'messageParams',
    'messageWithParams',
    'status',
  ]);
  assert.equal(b.status, status);
  assert.match(b.contextId, UUID);
  assert.deepEqual([b.details, b.errors], [[], []]);
  assert.equal(typeof b.code, 'string');
  assert.equal(typeof b.message, 'string');
  return b;
}
