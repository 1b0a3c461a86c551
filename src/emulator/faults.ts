import { isJsonObject } from '../common/json';

/**
 * A scripted misbehaviour. The first rule that matches a request (method and path) is applied and
 * its `times` counter decremented; at zero it is removed.
 * - `status` answers with that status (Genesys error body unless `body` is given; `Retry-After` from `retryAfter`).
 * - `drop` destroys the socket without an answer (a connection reset for the client).
 * - `delayMs` waits first; with neither `status` nor `drop` the request is then served normally.
 * - `expireTokens` makes every bearer token issued so far invalid just before the request is handled, so an
 *   API call gets the platform's own 401 `bad.credentials` until the client fetches a new token — a token
 *   that runs out mid-run, scriptable from a data file (a plain `status: 401` would leave the old token valid
 *   and so could not catch a client that retries without refreshing).
 */
export interface FaultRule {
  method?: string;
  /**
   * Substring of the path including its query, or `/regex/flags` matched against it (a regex only when
   * the part between the slashes uses regex syntax such as `^ $ * + ? ( ) [ ] { } | \\`).
   */
  path?: string;
  status?: number;
  retryAfter?: number | string;
  body?: unknown;
  delayMs?: number;
  drop?: boolean;
  expireTokens?: boolean;
  /** How many matching requests the rule applies to; default 1. */
  times?: number;
}

const FAULT_FIELDS = new Set([
  'method',
  'path',
  'status',
  'retryAfter',
  'body',
  'delayMs',
  'drop',
  'expireTokens',
  'times',
]);

/** Checks a rule that came from JSON (data file, admin API); returns the reason it is unusable. */
export function validateFaultRule(value: unknown): string | undefined {
  if (!isJsonObject(value)) return 'a fault rule must be a JSON object';
  for (const key of Object.keys(value)) {
    if (!FAULT_FIELDS.has(key)) return `unknown fault rule field "${key}" (known: ${[...FAULT_FIELDS].join(', ')})`;
  }
  const rule = value as FaultRule;
  if (rule.method !== undefined && (typeof rule.method !== 'string' || rule.method.length === 0)) {
    return 'method must be a non-empty string';
  }
  if (rule.path !== undefined) {
    if (typeof rule.path !== 'string' || rule.path.length === 0) return 'path must be a non-empty string';
    const asRegex = parseSlashRegex(rule.path);
    if (asRegex instanceof Error) return `path ${rule.path} is not a valid regular expression: ${asRegex.message}`;
  }
  if (rule.status !== undefined && (!Number.isInteger(rule.status) || rule.status < 200 || rule.status > 599)) {
    return 'status must be an integer from 200 to 599';
  }
  if (rule.retryAfter !== undefined && typeof rule.retryAfter !== 'number' && typeof rule.retryAfter !== 'string') {
    return 'retryAfter must be seconds (number) or an HTTP date (string)';
  }
  if (
    rule.delayMs !== undefined &&
    (typeof rule.delayMs !== 'number' || !Number.isFinite(rule.delayMs) || rule.delayMs < 0)
  ) {
    return 'delayMs must be a number ≥ 0';
  }
  if (rule.drop !== undefined && typeof rule.drop !== 'boolean') return 'drop must be true or false';
  if (rule.expireTokens !== undefined && typeof rule.expireTokens !== 'boolean') {
    return 'expireTokens must be true or false';
  }
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) {
    return 'times must be an integer ≥ 1';
  }
  if (rule.drop === true && rule.status !== undefined) {
    return 'a rule cannot both drop the connection and answer a status';
  }
  if (rule.status === undefined && rule.drop !== true && rule.delayMs === undefined && rule.expireTokens !== true) {
    return 'a rule needs at least one of status, drop, delayMs, expireTokens';
  }
  return undefined;
}

/**
 * `/…/flags` is a regular expression only when its body uses regex syntax: plain paths also start and
 * end with "/" (`/api/v2/integrations/`, `/oauth/token`), and those must stay substrings.
 * Returns the RegExp, undefined for a substring, or the Error of a broken regex.
 */
function parseSlashRegex(path: string): RegExp | Error | undefined {
  const m = /^\/(.+)\/([dgimsuvy]*)$/s.exec(path);
  if (!m || !/[\\^$*+?()[\]{}|]/.test(m[1])) return undefined;
  try {
    return new RegExp(m[1], m[2]);
  } catch (err) {
    return err as Error;
  }
}

interface ActiveFault {
  rule: FaultRule;
  remaining: number;
  pathRegex?: RegExp;
}

export class FaultList {
  private faults: ActiveFault[] = [];

  /** Throws with the reason when the rule is invalid, so JS callers find their typo at once. */
  add(rule: FaultRule): void {
    const problem = validateFaultRule(rule);
    if (problem) throw new Error(`Invalid fault rule: ${problem}`);
    const copy = structuredClone(rule);
    const regex = copy.path === undefined ? undefined : parseSlashRegex(copy.path);
    this.faults.push({
      rule: copy,
      remaining: copy.times ?? 1,
      pathRegex: regex instanceof RegExp ? regex : undefined,
    });
  }

  clear(): void {
    this.faults = [];
  }

  /** The rules still pending, with `times` showing what is left of each. */
  list(): FaultRule[] {
    return this.faults.map((f) => ({ ...structuredClone(f.rule), times: f.remaining }));
  }

  /** Finds the first rule for this request and consumes one use of it. */
  take(method: string, pathWithQuery: string): FaultRule | undefined {
    const index = this.faults.findIndex((f) => matches(f, method, pathWithQuery));
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.rule;
  }
}

function matches(fault: ActiveFault, method: string, pathWithQuery: string): boolean {
  const { rule } = fault;
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  if (fault.pathRegex) {
    fault.pathRegex.lastIndex = 0; // a /g or /y flag must not make matching depend on the previous request
    return fault.pathRegex.test(pathWithQuery);
  }
  return pathWithQuery.includes(rule.path);
}
