/** Reading event files: .json whole, .jsonl streamed; every bad line named FILE:LINE while the others still count. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatSource, readEventFiles, type EventItem } from '../../../src/filters/preview/eventFiles';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-events-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function readAll(files: string[]): Promise<EventItem[]> {
  const items: EventItem[] = [];
  for await (const batch of readEventFiles(files)) items.push(...batch);
  return items;
}

const summary = (items: EventItem[]) =>
  items.map((i) => (i.kind === 'event' ? `${formatSource(i.source)} ok` : `${formatSource(i.source)} ${i.message}`));

describe('event files', () => {
  it('JSON Lines: a malformed line in the middle is named FILE:LINE with the parser message; the others count', async () => {
    const file = write('mixed.jsonl', '{"a":1}\n{"a":2,}\n\n  \r\n[1]\nnull\n{"a":3}\r\n{"a":4}');
    assert.deepEqual(summary(await readAll([file])), [
      `${file}:1 ok`,
      `${file}:2 Expected double-quoted property name in JSON at position 7`,
      `${file}:5 not a JSON object (an array)`,
      `${file}:6 not a JSON object (null)`,
      `${file}:7 ok`,
      `${file}:8 ok`,
    ]);
  });

  it('a .json file holds one event or an array of them (elements named FILE[i]); a BOM is fine', async () => {
    const one = write('one.json', '\uFEFF{"detail-type":"x","detail":{}}');
    const many = write('many.json', '[{"a":1}, "text", {"a":2}]');
    assert.deepEqual(summary(await readAll([one, many])), [
      `${one} ok`,
      `${many}[0] ok`,
      `${many}[1] not a JSON object (a string)`,
      `${many}[2] ok`,
    ]);
  });

  it('a broken .json file is named with the line of the error', async () => {
    const file = write('broken.json', '[\n  {"a": 1},\n  {"a": 2,}\n]');
    const [item] = await readAll([file]);
    assert.equal(item.kind, 'invalid');
    assert.equal(formatSource(item.source), `${file}:3`);
  });

  it('an unreadable or unknown file is one invalid item, and the next file is still read', async () => {
    const missing = path.join(dir, 'missing.jsonl');
    const folder = path.join(dir, 'a-folder.json');
    fs.mkdirSync(folder);
    const unknown = write('events.txt', '{}');
    const good = write('good.ndjson', '{"a":1}\n');
    const items = await readAll([missing, folder, unknown, good]);
    assert.deepEqual(
      items.map((i) => i.kind),
      ['invalid', 'invalid', 'invalid', 'event'],
    );
    assert.match(summary(items)[0], /missing\.jsonl cannot read the file \(ENOENT: no such file or directory/);
    assert.match(summary(items)[1], /a-folder\.json cannot read the file \(EISDIR/);
    assert.match(summary(items)[2], /unknown kind of file "\.txt": name it \.json, \.jsonl or \.ndjson/);
  });

  it('streams in chunks: multi-byte characters across chunk boundaries and line numbers stay right', async () => {
    // ~2.5 MB over several 1 MB chunks; every line carries multi-byte text, so some straddle a boundary.
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ i, name: `Zoë-€-𝄞-${'é'.repeat(i % 97)}` }),
    );
    lines[12_345] = '{"broken": ';
    const file = write('big.jsonl', lines.join('\n') + '\n');
    assert.ok(fs.statSync(file).size > 2 * 1024 * 1024);
    const items = await readAll([file]);
    assert.equal(items.length, 20_000);
    const bad = items.filter((i) => i.kind === 'invalid');
    assert.deepEqual(
      bad.map((i) => i.source.line),
      [12_346],
    );
    const last = items[19_999];
    assert.ok(last.kind === 'event');
    assert.deepEqual(last.event, { i: 19_999, name: `Zoë-€-𝄞-${'é'.repeat(19_999 % 97)}` });
    assert.equal(last.source.line, 20_000);
  });

  it('a line longer than the limit is skipped and named; reading goes on (memory stays bounded)', async () => {
    const { MAX_LINE_CHARS } = await import('../../../src/filters/preview/eventFiles');
    const long = '{"x":"' + 'a'.repeat(MAX_LINE_CHARS + 10) + '"}';
    const file = write('long.jsonl', `{"a":1}\n${long}\n{"a":2}\n`);
    assert.deepEqual(summary(await readAll([file])), [
      `${file}:1 ok`,
      `${file}:2 line is longer than 64 MB characters; skipped`,
      `${file}:3 ok`,
    ]);
  });
});
