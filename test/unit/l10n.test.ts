/**
 * A translation is a file, not a code change: every user-facing string of the extension goes through
 * `vscode.l10n.t` (collected in l10n/bundle.l10n.json by `npm run l10n`), and the manifest's titles and
 * descriptions are `%key%` references into package.nls.json. How a literal is judged user-facing: test/unit/l10n/scan.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALLOWED, localizedMessages, scanSource, sourceFiles } from './l10n/scan';

const REPO = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');
const EXTENSION_FILES = sourceFiles(REPO, 'src/extension');

describe('localizable strings', () => {
  it('the scan flags words shown to users and leaves code alone (so the check below can fail)', () => {
    const flagged = (snippet: string) => scanSource('sample.ts', snippet).map((f) => f.text);
    const shown = [
      "void vscode.window.showErrorMessage('Something went wrong.');",
      "const actions = ['Undo'];",
      "const item = { label: 'x', description: 'default' };",
      'item.tooltip = `Topic ${code(topic)}`;',
      "const text = plural(n, 'filter');",
      'throw new Error(`Could not read ${what}: ${reason}`);',
      "const t = vscode.l10n.t('Fine {0}', ok ? 'but this is not' : '');",
      'const html = `<p class="dim">No events.</p>`;',
      'const html = `<button title="Open the event">${esc(label)}</button>`;',
    ];
    for (const snippet of shown) assert.equal(flagged(snippet).length, 1, `not flagged: ${snippet}`);
    const code = [
      "vscode.l10n.t('Sign in to Genesys Cloud first.');",
      "vscode.l10n.t('{0} filters', n);",
      "log.info('Signed out. Run the command to sign in again.');",
      'this.log.warn(`Loading ${id} failed: ${vscode.l10n.t("x")}`);',
      "void vscode.commands.executeCommand('setContext', 'genesysCloud.signedIn', true);",
      "item.iconPath = new vscode.ThemeIcon('symbol-event');",
      "item.contextValue = 'filter:regex';",
      'const id = `${parent.id}/topics`;',
      "if (choice === 'Show Log') run();",
      "import { x } from './some module';",
      "type Verb = 'Apply' | 'Remove';",
      "const map = { 'Sign In': 1 };",
      "throw new UserCancelledError('Not signed in to Genesys Cloud.');",
      "const x = '—';",
      'item.description = `${matchType} ${values.join(", ")}`;',
      'const html = `<section class="notice warning" aria-label="${esc(label)}"><ul>${items}</ul></section>`;',
    ];
    for (const snippet of code) assert.deepEqual(flagged(snippet), [], `flagged: ${snippet}`);
  });

  it('every user-facing string in src/extension/ goes through vscode.l10n.t', () => {
    assert.ok(EXTENSION_FILES.length > 40, `the scan sees the extension: ${EXTENSION_FILES.length} files`);
    const findings = EXTENSION_FILES.flatMap((file) => scanSource(file, read(file)));
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line}: ${f.text}`),
      [],
      'wrap these in vscode.l10n.t(…) (values as {0} arguments), then run `npm run l10n`',
    );
  });

  it('the allow-list points at code that exists (a stale entry would hide nothing and mislead)', () => {
    for (const entry of ALLOWED) {
      const source = read(entry.file);
      if (entry.text) assert.ok(source.includes(entry.text), `${entry.file} no longer has ${entry.text}`);
      if (entry.inFunction) assert.match(source, new RegExp(`\\b${entry.inFunction}\\b`), entry.file);
    }
  });

  it('l10n/bundle.l10n.json holds exactly the messages of the vscode.l10n.t calls (npm run l10n)', () => {
    const messages = new Set(EXTENSION_FILES.flatMap((file) => localizedMessages(file, read(file))));
    const notLiteral = [...messages].filter((m) => m.startsWith('<not a literal'));
    assert.deepEqual(notLiteral, [], 'the message of vscode.l10n.t must be a string literal, or it cannot be exported');
    const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
    const keys = new Set(Object.keys(bundle));
    assert.deepEqual(
      [...messages].filter((m) => !keys.has(m)),
      [],
      'messages missing from l10n/bundle.l10n.json: run `npm run l10n`',
    );
    assert.deepEqual(
      [...keys].filter((k) => !messages.has(k)),
      [],
      'messages no code uses any more: run `npm run l10n`',
    );
    for (const [key, value] of Object.entries(bundle)) assert.equal(value, key, 'the bundle is the English source');
  });

  it("the manifest's titles and descriptions are package.nls.json keys, and every key is used", () => {
    const manifest = JSON.parse(read('package.json')) as { l10n?: string; contributes: unknown };
    assert.equal(manifest.l10n, './l10n', 'package.json names the bundle folder');
    const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const texts = new Set([
      'title',
      'name',
      'contextualTitle',
      'contents',
      'description',
      'markdownDescription',
      'altText',
      'category',
    ]);
    const literal: string[] = [];
    const used = new Set<string>();
    const walk = (value: unknown, at: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${at}[${i}]`));
      if (typeof value !== 'object' || value === null) return;
      for (const [field, v] of Object.entries(value)) {
        if (typeof v === 'string' && texts.has(field)) {
          const key = /^%(.+)%$/.exec(v)?.[1];
          if (key && key in nls) used.add(key);
          else literal.push(`${at}.${field}: ${v}`);
        } else walk(v, `${at}.${field}`);
      }
    };
    // Only `contributes`: the top-level displayName and description stay literal, because a gallery shows them as
    // written (Open VSX does not resolve %keys% there), and they are the extension's name.
    walk(manifest.contributes, 'contributes');
    assert.deepEqual(literal, [], 'use a %key% from package.nls.json');
    assert.deepEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
      'package.nls.json keys nothing uses',
    );
  });
});
