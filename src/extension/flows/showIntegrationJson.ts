/**
 * Show Integration JSON: the integration's EventBridge document, formatted, read-only. For an integration whose
 * subscription-filter endpoint answers 404 (a real org) it shows the config/current document instead, and the tab
 * title says so.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import type { CommandContext } from '../commands/commandContext';
import { isSubscriptionFiltersUnavailable } from '../subscriptionFilterAvailability';
import { runWizard } from '../wizard/wizard';
import { readFlowArgs } from './args';
import { integrationStep, type IntegrationFlowState, type IntegrationRef } from './integrationPicker';

export interface ShownJson {
  uri: vscode.Uri;
  source: 'eventbridge' | 'config';
  document: JsonObject;
}

export function showIntegrationJsonCommand(ctx: CommandContext) {
  return async (arg?: unknown): Promise<ShownJson> => {
    const args = readFlowArgs(arg);
    const session = await ctx.services.requireSession();
    const steps = [
      integrationStep<IntegrationFlowState>(session.client, vscode.l10n.t('Pick the integration to show')),
    ];
    const { integration } = await runWizard(ctx.prompter(), vscode.l10n.t('Show Integration JSON'), steps, { args });
    const { id } = integration!;
    const location = { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading integration…') };
    const shown = await vscode.window.withProgress(location, async () => {
      try {
        const document = await session.subscriptionFilters.readDocument(id);
        return { document, source: 'eventbridge' as const, name: nameOf(document, integration!) };
      } catch (err) {
        if (!isSubscriptionFiltersUnavailable(err)) throw err;
        const document = await session.client.getIntegrationConfig(id);
        const name = vscode.l10n.t(
          '{0} — config (attribute filters unavailable on this org)',
          nameOf(document, integration!),
        );
        return { document, source: 'config' as const, name };
      }
    });
    const uri = ctx.documents.create(id, shown.name, shown.document);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
    return { uri, source: shown.source, document: shown.document };
  };
}

function nameOf(document: JsonObject, integration: IntegrationRef): string {
  if (integration.name !== integration.id) return integration.name;
  return typeof document.name === 'string' && document.name ? document.name : integration.id;
}
