import * as vscode from 'vscode';
import { reportFailure } from '../errors';
import type { CommandContext } from './commandContext';
import { LOAD_MORE_COMMAND } from '../tree/loadMoreNode';
import { COMMANDS } from './commandTable';

/**
 * Registers every command of the table through one wrapper: a failure becomes exactly one message with a next
 * step (cancellation is silent), and the handler's result is returned to the caller (tests, other commands).
 */
export function registerCommands(context: vscode.ExtensionContext, ctx: CommandContext): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    const handler = factory(ctx);
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (err) {
          reportFailure(ctx.services.log, err, commandAction(id, context.extension.packageJSON));
          return undefined;
        }
      }),
    );
  }
}

/**
 * What a command does, as error messages name it ("Could not apply filter: …"). A command missing here is named by
 * its title from package.json (localized by package.nls.json); an extension-host test keeps every command here.
 */
export function commandAction(id: string, manifest?: unknown): string {
  switch (id) {
    case 'genesysCloud.signIn':
      return vscode.l10n.t('sign in');
    case 'genesysCloud.signOut':
      return vscode.l10n.t('sign out');
    case 'genesysCloud.switchProfile':
      return vscode.l10n.t('switch profile');
    case 'genesysCloud.refresh':
      return vscode.l10n.t('refresh');
    case 'genesysCloud.copyId':
      return vscode.l10n.t('copy id');
    case 'genesysCloud.showLog':
      return vscode.l10n.t('show log');
    case 'genesysCloud.applyFilter':
      return vscode.l10n.t('apply filter');
    case 'genesysCloud.editFilter':
      return vscode.l10n.t('edit filter');
    case 'genesysCloud.removeFilter':
      return vscode.l10n.t('remove filter');
    case 'genesysCloud.showIntegrationJson':
      return vscode.l10n.t('show integration JSON');
    case 'genesysCloud.addTopicFilter':
      return vscode.l10n.t('add topic filter');
    case 'genesysCloud.removeTopicFilter':
      return vscode.l10n.t('remove topic filter');
    case 'genesysCloud.selectTopicsByRegex':
      return vscode.l10n.t('select topics by regex');
    case 'genesysCloud.previewFilter':
      return vscode.l10n.t('preview filter');
    case 'genesysCloud.exportToFile':
      return vscode.l10n.t('export filters to a file');
    case 'genesysCloud.planFilters':
      return vscode.l10n.t('plan filters');
    case 'genesysCloud.applyFilters':
      return vscode.l10n.t('apply filters');
    case 'genesysCloud.getStarted':
      return vscode.l10n.t('open the Get Started walkthrough');
    case LOAD_MORE_COMMAND:
      return vscode.l10n.t('load more integrations');
  }
  const commands = (manifest as { contributes?: { commands?: { command: string; title: string }[] } } | undefined)
    ?.contributes?.commands;
  return vscode.l10n.t('run "{0}"', commands?.find((c) => c.command === id)?.title ?? id);
}
