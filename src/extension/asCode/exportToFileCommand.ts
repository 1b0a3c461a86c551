/**
 * `genesysCloud.exportToFile` (the tree's title menu): the chosen integrations' live topic and attribute filters
 * written as eventbridge-filters.json into the workspace folder and opened — the same file `eventbridge-filter export`
 * writes, so Plan right after shows no changes. Everything is read (concurrently, paced to the rate limit) before the
 * file is written; an existing file is replaced only after a confirm.
 */
import * as vscode from 'vscode';
import { FILTERS_FILE_NAME } from '../../filters/asCode/filtersFile';
import { renderFiltersFile, type ExportedIntegration } from '../../filters/asCode/renderFiltersFile';
import type { IntegrationSummary } from '../../genesys/client';
import { readIntegrationStates } from '../../genesys/integrationStates';
import type { CommandContext } from '../commands/commandContext';
import { UserCancelledError } from '../cancellation';
import { withCancellableProgress } from '../flows/progress';
import { runWizard } from '../wizard/wizard';

interface ExportState {
  integrations?: IntegrationSummary[];
  folder?: vscode.WorkspaceFolder;
}

export interface ExportResult {
  uri: string;
  integrations: number;
}

export function exportToFileCommand(ctx: CommandContext) {
  return async (): Promise<ExportResult> => {
    const { client } = await ctx.services.requireSession();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const state = await runWizard<ExportState>(
      ctx.prompter(),
      vscode.l10n.t('Export to {0}', FILTERS_FILE_NAME),
      [
        {
          shouldPrompt: () => true,
          prompt: async (ask, s) => {
            s.integrations = await ask.pickMany({
              id: 'integrations',
              placeholder: vscode.l10n.t(
                'Integrations to write into {0} (the file manages only these)',
                FILTERS_FILE_NAME,
              ),
              items: async (signal) =>
                (await client.listEventBridgeIntegrations(signal)).map((summary) => ({
                  label: summary.name,
                  description: summary.id,
                  icon: 'radio-tower',
                  picked: true,
                  value: summary,
                })),
              emptyMessage: vscode.l10n.t('This org has no EventBridge integrations.'),
            });
          },
        },
        {
          shouldPrompt: () => folders.length > 1,
          prompt: async (ask, s) => {
            s.folder = await ask.pick({
              id: 'folder',
              placeholder: vscode.l10n.t('Workspace folder for {0}', FILTERS_FILE_NAME),
              items: folders.map((folder) => ({
                label: folder.name,
                description: folder.uri.fsPath,
                icon: 'folder',
                value: folder,
              })),
            });
          },
          after: (s) => {
            s.folder ??= folders[0];
          },
        },
      ],
      {},
    );
    const target = state.folder
      ? vscode.Uri.joinPath(state.folder.uri, FILTERS_FILE_NAME)
      : await vscode.window.showSaveDialog({
          defaultUri: vscode.Uri.file(FILTERS_FILE_NAME),
          filters: { JSON: ['json'] },
        });
    if (!target) throw new UserCancelledError('Export cancelled');
    if (await exists(target)) {
      const replace = await ctx.prompter().confirm({
        id: 'replaceFile',
        message: vscode.l10n.t('Replace {0}?', vscode.workspace.asRelativePath(target)),
        detail: vscode.l10n.t('It is written anew from the org: its edits and comments are lost.'),
        confirmLabel: vscode.l10n.t('Replace'),
        severity: 'warning',
      });
      if (!replace) throw new UserCancelledError('Export cancelled');
    }
    const chosen = state.integrations!;
    const exported = await withCancellableProgress(
      vscode.l10n.t('Reading {0} integration(s) for {1}', chosen.length, FILTERS_FILE_NAME),
      async (signal) => {
        const requests = chosen.map((i) => ({ id: i.id, config: true, document: true }));
        const result: ExportedIntegration[] = [];
        for await (const read of readIntegrationStates(client, requests, { signal })) {
          // One integration that cannot be read means no file, rather than a file that silently leaves it out.
          if (read.error) throw read.error;
          const { name } = chosen.find((i) => i.id === read.id)!;
          result.push({ id: read.id, name, config: read.config!, document: read.document });
        }
        return result;
      },
    );
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderFiltersFile(exported)));
    void ctx.host.asCode.load().managed.refresh();
    await vscode.window.showTextDocument(target, { preview: false });
    ctx.services.log.info(`Exported ${exported.length} integration(s) to ${target.fsPath}.`);
    return { uri: target.toString(), integrations: exported.length };
  };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
