/**
 * The one write path of each integration document. Both take the caller's edit as a function and re-apply it
 * to whatever the server holds just before the write, so another writer's change is never overwritten:
 * - the config (`config/current`) carries a `version`: the server rejects a stale one (409, 408, or a 400
 *   "does not match the current version"), and we re-read and re-apply;
 * - the EventBridge document (the subscription-filter endpoint) has no version: we read it again just before
 *   the PUT and, when it changed since the edit was made, redo the edit on the newer one.
 * A bounded number of rounds, then a `conflict` error; nothing is written in between.
 */
import { isDeepStrictEqual } from 'node:util';
import { isJsonObject, type JsonObject } from '../common/json';
import { GenesysError, isGenesysError } from './errors';
import { unexpectedShape } from './integrations';

/** GET and PUT of one document. */
export interface DocumentEndpoint {
  get(signal?: AbortSignal): Promise<JsonObject>;
  put(document: JsonObject, signal?: AbortSignal): Promise<JsonObject>;
}

/** The edit, as a pure function of the document; it gets a copy and may throw to refuse. */
export type DocumentEdit = (document: JsonObject) => JsonObject;

/** Re-reads allowed when a config PUT loses a race with another writer. */
export const MAX_CONFIG_REREADS = 3;
/** Rounds of "someone changed it since our read" before an EventBridge document write gives up. */
export const MAX_DOCUMENT_ROUNDS = 5;

export interface ConfigUpdate {
  /** The config the write was based on (the last one read). */
  before: JsonObject;
  /** What the server returned for the PUT; `before` when nothing was written. */
  after: JsonObject;
  /** False when the edit changed nothing on `before` (someone else had made the same change): no PUT was sent. */
  written: boolean;
  /** 1, or more when a version conflict made us re-read. */
  attempts: number;
}

export interface ConfigUpdateOptions {
  /** The config the caller already read (and showed): the first PUT carries its version, without a read. */
  base?: JsonObject;
  signal?: AbortSignal;
}

/** read → edit a copy → PUT with the read version; on a version conflict, re-read and re-apply. */
export async function updateVersionedConfig(
  endpoint: DocumentEndpoint,
  integrationId: string,
  edit: DocumentEdit,
  options: ConfigUpdateOptions = {},
): Promise<ConfigUpdate> {
  const { signal } = options;
  let lastConflict: GenesysError | undefined;
  for (let attempt = 1; attempt <= MAX_CONFIG_REREADS + 1; attempt++) {
    const before = attempt === 1 && options.base ? options.base : await endpoint.get(signal);
    const version = before.version;
    if (typeof version !== 'number' && typeof version !== 'string') {
      throw unexpectedShape(`the configuration of integration '${integrationId}' (no version)`);
    }
    const edited = edit(structuredClone(before));
    if (!isJsonObject(edited)) throw new TypeError('The config edit must return a JSON object.');
    if (isDeepStrictEqual(edited, before)) return { before, after: before, written: false, attempts: attempt };
    // The version we read is what makes the write safe; the edit does not get to change it.
    try {
      const after = await endpoint.put({ ...edited, version }, signal);
      return { before, after, written: true, attempts: attempt };
    } catch (err) {
      if (!isConfigVersionConflict(err)) throw err;
      lastConflict = err;
    }
  }
  throw gaveUp(
    `The configuration of integration '${integrationId}' kept changing on the server while saving; gave up after ` +
      `${MAX_CONFIG_REREADS} re-reads. Nothing was written. Try again when no one else is editing it.`,
    MAX_CONFIG_REREADS + 1,
    lastConflict,
  );
}

/** The server's version check failed: someone else wrote the config since our read. */
export function isConfigVersionConflict(err: unknown): err is GenesysError {
  return (
    isGenesysError(err) && (err.status === 409 || err.status === 408 || (err.status === 400 && err.kind === 'conflict'))
  );
}

/** What a caller is asked to approve before a write: the document it is based on and the result of the edit. */
export interface DocumentProposal {
  before: JsonObject;
  after: JsonObject;
  /** True when `before` is newer than what the caller's edit was first made on (someone else wrote meanwhile). */
  rebased: boolean;
}

export interface DocumentUpdateOptions {
  /** The document the caller already read and made its choices on; without it, the first read happens here. */
  base?: JsonObject;
  /**
   * Called before each write whose base the caller has not seen yet: the first one, and again after every
   * rebase (the extension shows the diff and asks). Throwing stops the update; nothing is written.
   */
  review?: (proposal: DocumentProposal) => Promise<void>;
  /** Progress: `checking` = the re-read just before the PUT, `writing` = the PUT. */
  onStep?: (step: 'checking' | 'writing') => void;
  signal?: AbortSignal;
}

export type DocumentUpdate =
  | { status: 'unchanged'; before: JsonObject; rebased: boolean }
  | { status: 'written'; before: JsonObject; after: JsonObject; rebased: boolean; rounds: number };

/**
 * read → edit a copy → (review) → read again just before the PUT; if the document changed, redo the same edit on
 * the newer one (and review again); at most {@link MAX_DOCUMENT_ROUNDS} rounds, then a `conflict` error.
 * `unchanged` when the edit changes nothing: then nothing is written, and nothing is read twice.
 */
export async function updateUnversionedDocument(
  endpoint: DocumentEndpoint,
  integrationId: string,
  edit: DocumentEdit,
  options: DocumentUpdateOptions = {},
): Promise<DocumentUpdate> {
  const { signal } = options;
  let before = options.base ?? (await endpoint.get(signal));
  for (let round = 1; round <= MAX_DOCUMENT_ROUNDS; round++) {
    const rebased = round > 1;
    const after = edit(structuredClone(before));
    if (!isJsonObject(after)) throw new TypeError('The document edit must return a JSON object.');
    if (isDeepStrictEqual(after, before)) return { status: 'unchanged', before, rebased };
    await options.review?.({ before, after, rebased });
    options.onStep?.('checking');
    const fresh = await endpoint.get(signal);
    if (isDeepStrictEqual(fresh, before)) {
      options.onStep?.('writing');
      await endpoint.put(after, signal);
      return { status: 'written', before, after, rebased, rounds: round };
    }
    before = fresh;
  }
  throw gaveUp(
    `The EventBridge document of integration '${integrationId}' kept changing while saving (${MAX_DOCUMENT_ROUNDS} ` +
      'times someone else wrote it between our read and our write). Nothing was written. Try again when no one else ' +
      'is editing it.',
    MAX_DOCUMENT_ROUNDS,
  );
}

function gaveUp(message: string, attempts: number, cause?: GenesysError): GenesysError {
  return new GenesysError('conflict', message, {
    status: cause?.status,
    code: cause?.code,
    contextId: cause?.contextId,
    correlationId: cause?.correlationId,
    attempts,
    cause,
  });
}
