import { type EmulatorRequest } from './http';

/** One request as the emulator received it. `status` 0 = the connection was dropped by a fault. */
export interface RecordedRequest {
  method: string;
  /** Path including the query string. */
  path: string;
  status: number;
  /** The parsed JSON body; for form bodies the fields minus anything secret. Never headers. */
  body?: unknown;
  at: number;
}

/** Oldest entries are dropped beyond this, so a long-running emulator does not grow without bound. */
export const MAX_RECORDED_REQUESTS = 10_000;

const SECRET_FORM_FIELD = /secret|password|assertion|token|code/i;

/** What the log keeps of a body: JSON as parsed, form fields without secrets, nothing else. */
function recordableBody(req: EmulatorRequest): unknown {
  if (req.json !== undefined) return structuredClone(req.json);
  if (req.rawBody.length === 0) return undefined;
  if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    const fields: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(req.rawBody)) if (!SECRET_FORM_FIELD.test(key)) fields[key] = value;
    return fields;
  }
  return undefined;
}

/**
 * Appends to `entries`, which is the very array the JS API exposes as `emulator.requests`: it is
 * emptied in place, never replaced, so a test holding a reference keeps seeing the live log.
 */
export function recordRequest(entries: RecordedRequest[], req: EmulatorRequest, status: number, at: number): void {
  if (entries.length >= MAX_RECORDED_REQUESTS) entries.shift();
  entries.push({ method: req.method, path: req.pathWithQuery, status, body: recordableBody(req), at });
}
