/**
 * Show Integration JSON: the integration's EventBridge document, formatted, read-only. For an
 * integration whose seed endpoint answers 404 (a real org) it shows the config/current document
 * instead, and the tab title says so.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import { readFlowArgs } from './args';
import type { FlowContext } from './context';
import { MultiStepFlow } from './input/multiStep';
import { pickIntegration, readEventBridgeDocument, SeedEndpointUnavailableError, type IntegrationRef } from './pickers';

export interface ShownJson {
  uri: vscode.Uri;
  source: 'eventbridge' | 'config';
  document: JsonObject;
}

export function showIntegrationJsonCommand(ctx: FlowContext) {
  return async (arg?: unknown): Promise<ShownJson> => {
    const args = readFlowArgs(arg);
    const client = await ctx.services.requireClient();
    let integration: IntegrationRef | undefined = args.integrationId
      ? { id: args.integrationId, name: args.integrationId }
      : undefined;
    if (!integration) {
      const state: { integration?: IntegrationRef } = {};
      await new MultiStepFlow(ctx.prompter(), 'Show Integration JSON', () => 1, state).run(async (f, s) => {
        s.integration = await pickIntegration(f, client, 'Pick the integration to show');
        return undefined;
      });
      integration = state.integration!;
    }
    const { id } = integration;
    const shown = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Reading integration…' },
      async () => {
        try {
          const document = await readEventBridgeDocument(ctx.services, client, id);
          return { document, source: 'eventbridge' as const, name: nameOf(document, integration) };
        } catch (err) {
          if (!(err instanceof SeedEndpointUnavailableError)) throw err;
          const document = await client.getIntegrationConfig(id);
          return {
            document,
            source: 'config' as const,
            name: `${nameOf(document, integration)} — config (attribute filters unavailable on this org)`,
          };
        }
      },
    );
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
