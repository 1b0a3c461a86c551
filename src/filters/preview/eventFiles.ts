/**
 * Reading events from files: `.json` (one event or an array of events) read whole, `.jsonl`/`.ndjson` streamed line by
 * line in bounded memory, so a 1 GB recording is never held at once. Every problem becomes an `invalid` item naming
 * FILE:LINE (or FILE[element]) with the parser's own message, and reading goes on with the next line or file.
 *
 * The one file under src/filters/preview that does I/O: the CLI and the extension read events the same way.
 */
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isJsonObject, type JsonValue } from '../../common/json';
import type { EventSource } from './preview';

export type EventItem =
  { kind: 'event'; event: JsonValue; source: EventSource } | { kind: 'invalid'; source: EventSource; message: string };

/** A .json file is parsed whole; past this size JSON Lines is the way (streamed). */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;
/** A longer line is reported and skipped instead of growing the buffer without bound. */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export type EventFileKind = 'json' | 'jsonl';

export function eventFileKind(file: string): EventFileKind | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return undefined;
}

/** "file:12" for a line, "file[3]" for an array element, "file" for a whole file. */
export function formatSource(source: EventSource): string {
  if (source.line !== undefined) return `${source.file}:${source.line}`;
  if (source.element !== undefined) return `${source.file}[${source.element}]`;
  return source.file;
}

/**
 * The items of several files, in the order given, in batches (one per chunk read): a batch costs one await where an
 * item each would cost a million for a million events.
 */
export async function* readEventFiles(files: readonly string[], signal?: AbortSignal): AsyncGenerator<EventItem[]> {
  for (const file of files) {
    signal?.throwIfAborted();
    const kind = eventFileKind(file);
    if (kind === 'json') yield await readJsonFile(file);
    else if (kind === 'jsonl') yield* readJsonLines(file, signal);
    else {
      yield [
        invalid(
          { file },
          `unknown kind of file "${path.extname(file) || '(no extension)'}": name it .json, .jsonl or .ndjson`,
        ),
      ];
    }
  }
}

function invalid(source: EventSource, message: string): EventItem {
  return { kind: 'invalid', source, message };
}

function notAnObject(value: JsonValue): string {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return `not a JSON object (${kind})`;
}

function readError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return `cannot read the file (${e.code ? `${e.code}: ` : ''}${(e.message ?? String(err)).replace(/^[A-Z]+: /, '')})`;
}

async function readJsonFile(file: string): Promise<EventItem[]> {
  let text: string;
  try {
    const { size } = await fs.stat(file);
    if (size > MAX_JSON_FILE_BYTES) {
      const mb = Math.round(size / (1024 * 1024)).toLocaleString('en-US');
      return [
        invalid(
          { file },
          `is ${mb} MB; a .json file is read whole, so above 256 MB write it as JSON Lines (.jsonl, one event per line)`,
        ),
      ];
    }
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    return [invalid({ file }, readError(err))];
  }
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(stripBom(text)) as JsonValue;
  } catch (err) {
    return [invalid({ file, ...positionOf(text, err) }, (err as Error).message)];
  }
  if (!Array.isArray(parsed)) {
    return [
      isJsonObject(parsed)
        ? { kind: 'event', event: parsed, source: { file } }
        : invalid({ file }, notAnObject(parsed)),
    ];
  }
  return parsed.map((event, element) =>
    isJsonObject(event)
      ? { kind: 'event', event, source: { file, element } }
      : invalid({ file, element }, notAnObject(event)),
  );
}

/** The line of JSON.parse's "at position N", so a .json error is as findable as a .jsonl one. */
function positionOf(text: string, err: unknown): { line?: number } {
  const m = /at position (\d+)/.exec((err as Error).message);
  if (!m) return {};
  const position = Number(m[1]);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return { line };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function* readJsonLines(file: string, signal?: AbortSignal): AsyncGenerator<EventItem[]> {
  // The stream decodes UTF-8 across chunk boundaries; "\n" never occurs inside a multi-byte character.
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES, signal });
  let rest = '';
  let line = 0;
  /** Inside a line longer than MAX_LINE_CHARS: everything up to its end is dropped. */
  let skipping = false;
  const parse = (text: string, items: EventItem[]): void => {
    line++;
    if (line === 1) text = stripBom(text);
    let value: JsonValue;
    try {
      value = JSON.parse(text) as JsonValue;
    } catch (err) {
      // Blank lines (a trailing newline, CRLF, spacing) are not events; checked only after a failed parse.
      if (text.trim() !== '') items.push(invalid({ file, line }, (err as Error).message));
      return;
    }
    items.push(
      isJsonObject(value)
        ? { kind: 'event', event: value, source: { file, line } }
        : invalid({ file, line }, notAnObject(value)),
    );
  };
  const tooLong = (at: number): EventItem =>
    invalid({ file, line: at }, `line is longer than ${MAX_LINE_CHARS / (1024 * 1024)} MB characters; skipped`);
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const items: EventItem[] = [];
      let text = rest + chunk;
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        if (skipping) {
          skipping = false;
          line++;
        } else if (end - start > MAX_LINE_CHARS) {
          items.push(tooLong(++line));
        } else parse(text.slice(start, end), items);
        start = end + 1;
      }
      text = text.slice(start);
      if (!skipping && text.length > MAX_LINE_CHARS) {
        items.push(tooLong(line + 1));
        skipping = true;
      }
      rest = skipping ? '' : text;
      if (items.length > 0) yield items;
    }
  } catch (err) {
    if (signal?.aborted) throw err;
    yield [invalid(line === 0 ? { file } : { file, line: line + 1 }, readError(err))];
    return;
  }
  const items: EventItem[] = [];
  if (rest.length > MAX_LINE_CHARS) items.push(tooLong(line + 1));
  else if (rest.length > 0 && !skipping) parse(rest, items);
  if (items.length > 0) yield items;
}
