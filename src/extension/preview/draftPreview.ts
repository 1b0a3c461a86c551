/**
 * The preview of a draft from the Apply / Edit Filter confirm: the subscription as it is in the document the diff was
 * made on (before), the draft applied by the write path's own edit function (as the CLI's `test --attribute-key`
 * does), the integration's topic filter in front. The panel opens beside the diff; the confirm gets one line of counts.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import type { SetFilterEdit } from '../../filters/attributeFilters';
import { readEventBridgeProperties } from '../../filters/topics';
import { isCancellation } from '../../genesys/errors';
import type { CommandContext } from '../commands/commandContext';
import type { SignedInSession } from '../services';
import { askEvents, showPreview } from './previewFlow';
import type { EventSelection, PreviewFilters } from './previewInputs';

export interface DraftPreviewRequest {
  integrationId: string;
  /** The document the confirm is about: the base of the edit. */
  document: JsonObject;
  edit: SetFilterEdit;
  /** Events chosen earlier in this flow: no question then. */
  events?: EventSelection;
}

export interface DraftPreviewResult {
  events: EventSelection;
  /** For the confirm: "On recorded.jsonl: keeps 312 of 1,234 events (25%); before: 1,234 (100%)". */
  line: string;
}

export async function previewDraft(ctx: CommandContext, request: DraftPreviewRequest): Promise<DraftPreviewResult> {
  const session = await ctx.services.requireSession();
  const filters = await draftFilters(session, request);
  const events = request.events ?? (await askEvents(ctx, session.client, filters, vscode.l10n.t('Preview on Events')));
  const { outcome } = await showPreview(ctx, filters, events, vscode.ViewColumn.Beside);
  const { headline, summary } = outcome;
  const counts = headline.charAt(0).toLowerCase() + headline.slice(1);
  const invalid =
    summary.invalid > 0 ? ` ${vscode.l10n.t('({0} inputs could not be evaluated)', summary.invalid)}` : '';
  const stopped = outcome.stopped ? ` ${vscode.l10n.t('(stopped early)')}` : '';
  return { events, line: vscode.l10n.t('On {0}: {1}', events.label, `${counts}${invalid}${stopped}`) };
}

/** The topic filter comes from config/current; if it cannot be read, the preview goes on without it and says so. */
async function draftFilters(session: SignedInSession, request: DraftPreviewRequest): Promise<PreviewFilters> {
  const { integrationId, document, edit } = request;
  const notes: string[] = [];
  let topicFilter: string[] | undefined;
  let integrationName = typeof document.name === 'string' && document.name ? document.name : integrationId;
  try {
    const config = await session.client.getIntegrationConfig(integrationId);
    topicFilter = readEventBridgeProperties(config).eventFilter;
    if (typeof config.name === 'string' && config.name) integrationName = config.name;
  } catch (err) {
    if (isCancellation(err)) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    notes.push(
      vscode.l10n.t("The integration's topic filter could not be read ({0}): this preview has no topic stage.", reason),
    );
  }
  return {
    title: vscode.l10n.t('Draft: {0} on {1}', edit.key, edit.subscription),
    integrationId,
    integrationName,
    topicFilter,
    subscription: { document, name: edit.subscription },
    draft: { key: edit.key, matchType: edit.matchType, values: edit.values },
    notes,
  };
}
