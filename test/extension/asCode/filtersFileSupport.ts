/** Filters files in the test workspace: written, opened, checked, their lenses read, and removed again. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MULTI_SUBSCRIPTION_INTEGRATION_ID as MULTI } from '../../../src/emulator/defaultOrgData';
import type { ExtensionApi } from '../../../src/extension/main';
import { DIAGNOSTIC_SOURCE } from '../../../src/extension/asCode/filtersDiagnostics';
import type { FlowTestContext } from '../flows/flowTestSetup';

let counter = 0;

/** A fresh folder in the workspace for one test's eventbridge-filters.json. */
export function freshFolder(): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the harness opens a workspace folder');
  return vscode.Uri.joinPath(root, `ascode-${Date.now()}-${counter++}`);
}

/**
 * For the enclosing describe: a fresh folder for each test (handed to `use`), removed after it, checking that no
 * filters file is left and that the tree forgot it.
 */
export function useFreshFolder(t: FlowTestContext, use: (folder: vscode.Uri) => void): void {
  let folder: vscode.Uri;
  beforeEach(() => {
    folder = freshFolder();
    use(folder);
  });
  afterEach(async () => {
    await removeFolder(t.api, folder);
    const left = await vscode.workspace.findFiles('**/eventbridge-filters.json');
    assert.deepEqual(
      left.map((u) => u.fsPath),
      [],
      'files left',
    );
    assert.equal(
      t.api.host.asCode.load().managed.managedBy({ id: MULTI, name: '' }),
      undefined,
      'the tree forgot the file',
    );
  });
}

export async function writeFiltersFile(folder: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(folder, 'eventbridge-filters.json');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** Removes a test's file(s) and makes the tree forget them at once (the file watcher would, a little later). */
export async function removeFolder(api: ExtensionApi, folder: vscode.Uri): Promise<void> {
  // An edited (quick-fixed) file left dirty would be written back after the delete: save it first.
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.toString().startsWith(folder.toString())) await document.save();
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  await api.host.asCode.load().managed.refresh();
}

/** Our diagnostics of `document`, once checked: the text each one covers, its code and message. */
export async function ourDiagnostics(api: ExtensionApi, document: vscode.TextDocument) {
  await api.host.asCode.load().diagnostics.check(document);
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .map((d) => ({
      code: String(d.code),
      text: document.getText(d.range),
      line: d.range.start.line,
      character: d.range.start.character,
      severity: d.severity,
      message: d.message,
      diagnostic: d,
    }));
}

/** The resolved lenses of a document by line (in file order), each line's as Plan, Apply, then the comparison. */
export async function lensesByLine(document: vscode.TextDocument): Promise<Map<number, vscode.CodeLens[]>> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    document.uri,
    100,
  );
  const byLine = new Map<number, vscode.CodeLens[]>();
  for (const lens of lenses) byLine.set(lens.range.start.line, [...(byLine.get(lens.range.start.line) ?? []), lens]);
  const rank = (lens: vscode.CodeLens) => ['Plan', 'Apply'].indexOf(lens.command?.title ?? '') >>> 0;
  for (const line of byLine.values()) line.sort((a, b) => rank(a) - rank(b));
  return new Map([...byLine.entries()].sort((a, b) => a[0] - b[0]));
}
