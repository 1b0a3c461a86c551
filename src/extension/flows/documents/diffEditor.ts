/** Shows before/after diffs of JSON documents and closes them again when the review is over. */
import * as vscode from 'vscode';
import type { JsonObject } from '../../../common/json';
import type { JsonDocuments } from './jsonDocuments';

export interface ShownDiff {
  before: vscode.Uri;
  after: vscode.Uri;
}

export async function showJsonDiff(
  documents: JsonDocuments,
  folder: string,
  name: string,
  before: JsonObject,
  after: JsonObject,
  title: string,
): Promise<ShownDiff> {
  const shown = {
    before: documents.create(folder, vscode.l10n.t('{0} (before)', name), before),
    after: documents.create(folder, vscode.l10n.t('{0} (after)', name), after),
  };
  await vscode.commands.executeCommand('vscode.diff', shown.before, shown.after, title, {
    preview: true,
    preserveFocus: false,
  });
  return shown;
}

/** Closes the diff tab(s) of a review, so the user is not left with stale "before/after" editors. */
export async function closeJsonDiff(shown: ShownDiff | undefined): Promise<void> {
  if (!shown) return;
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (tab) =>
        tab.input instanceof vscode.TabInputTextDiff &&
        tab.input.original.toString() === shown.before.toString() &&
        tab.input.modified.toString() === shown.after.toString(),
    );
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
}
