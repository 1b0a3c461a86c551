/**
 * Which entry of which filters file a Plan or Apply is about: `{ uri, index }` from a CodeLens (or a keybinding), else
 * the entry under the cursor of the active filters file, else one the user picks. An entry with problems of its own
 * cannot be planned: the first one is named, with its place.
 */
import * as vscode from 'vscode';
import { entryLabel, FILTERS_FILE_NAME, type IntegrationEntry } from '../../filters/asCode/filtersFile';
import type { CommandContext } from '../commands/commandContext';
import { FlowArgumentError } from '../flows/args';
import { runWizard } from '../wizard/wizard';
import { isFiltersFile } from './filtersFiles';

export interface FileEntry {
  document: vscode.TextDocument;
  entry: IntegrationEntry;
}

export async function fileEntryOf(ctx: CommandContext, arg: unknown, title: string): Promise<FileEntry> {
  const args = (arg ?? {}) as { uri?: unknown; index?: unknown };
  if (
    typeof args !== 'object' ||
    (args.uri !== undefined && typeof args.uri !== 'string' && !(args.uri instanceof vscode.Uri))
  ) {
    throw new FlowArgumentError(
      vscode.l10n.t('Arguments must be {0}.', '{ "uri": "file:///…/eventbridge-filters.json", "index": 0 }'),
    );
  }
  const editor = vscode.window.activeTextEditor;
  const document = args.uri
    ? await vscode.workspace.openTextDocument(typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri)
    : editor && isFiltersFile(editor.document)
      ? editor.document
      : undefined;
  if (!document) {
    throw new FlowArgumentError(
      vscode.l10n.t('Open {0} first, or use the CodeLens above an integration entry.', FILTERS_FILE_NAME),
    );
  }
  const analysis = await ctx.host.asCode.load().analyses.analyze(document);
  const entries = analysis.file.integrations;
  let entry: IntegrationEntry | undefined;
  if (typeof args.index === 'number') {
    entry = entries.find((e) => e.index === args.index);
    if (!entry) {
      throw new FlowArgumentError(vscode.l10n.t('{0} has no integration entry {1}.', FILTERS_FILE_NAME, args.index));
    }
  } else {
    const cursor = editor?.document === document ? document.offsetAt(editor.selection.active) : -1;
    entry = entries.find((e) => cursor >= e.span.offset && cursor <= e.span.offset + e.span.length);
    if (!entry && entries.length === 1) entry = entries[0];
    if (!entry) {
      if (entries.length === 0) {
        throw new FlowArgumentError(vscode.l10n.t('{0} has no integration entries.', FILTERS_FILE_NAME));
      }
      const state: { entry?: IntegrationEntry } = {};
      await runWizard(
        ctx.prompter(),
        title,
        [
          {
            shouldPrompt: () => true,
            prompt: async (ask, s) => {
              s.entry = await ask.pick({
                id: 'entry',
                placeholder: vscode.l10n.t('Which integration of {0}?', FILTERS_FILE_NAME),
                items: entries.map((e) => ({
                  label: entryLabel(e),
                  description: e.id?.value,
                  icon: 'radio-tower',
                  value: e,
                })),
              });
            },
          },
        ],
        state,
      );
      entry = state.entry!;
    }
  }
  const inEntry = analysis.problems.filter(
    (p) =>
      p.severity === 'error' &&
      p.span.offset >= entry.span.offset &&
      p.span.offset < entry.span.offset + entry.span.length,
  );
  if (inEntry.length > 0) {
    const at = document.positionAt(inEntry[0].span.offset);
    throw new FlowArgumentError(
      vscode.l10n.t(
        '"{0}" has {1} problem(s) to fix first; line {2}, column {3}: {4}',
        entryLabel(entry),
        inEntry.length,
        at.line + 1,
        at.character + 1,
        inEntry[0].message,
      ),
    );
  }
  return { document, entry };
}
