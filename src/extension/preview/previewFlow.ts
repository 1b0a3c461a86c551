/**
 * The steps every preview shares once the filters are known: which events (asking, recording live events if that is
 * the choice), run, show the panel. Used by Preview Filter on Events… and by the Apply/Edit confirm's
 * "Preview on Events…".
 */
import * as vscode from 'vscode';
import type { GenesysClient } from '../../genesys/client';
import type { CommandContext } from '../commands/commandContext';
import { runWizard, type WizardStep } from '../wizard/wizard';
import { eventSourceStep, rememberEvents } from './eventSources';
import { recordSteps, type RecordState } from './liveRecording';
import { recordLiveEvents } from './liveTap';
import type { EventSelection, PreviewFilters } from './previewInputs';
import type { PreviewOutcome } from './previewOutcome';
import { PreviewPanel } from './previewPanel';
import { runFilterPreview } from './previewRun';

/** What a preview command returns: the outcome, and the panel showing it. */
export interface PreviewShown {
  outcome: PreviewOutcome;
  panel: PreviewPanel;
}

/** The event questions (source, then the recording's topics, ids and duration when recording). */
export function eventSteps<S extends RecordState>(
  ctx: CommandContext,
  client: GenesysClient,
  topicFilter: (state: S) => string[],
): WizardStep<S>[] {
  return [eventSourceStep<S>(ctx.host.context.extensionUri), ...recordSteps<S>(ctx, client, topicFilter)];
}

/** The events the answers chose; a recording is made now, after the last question. */
export function eventsOf(
  ctx: CommandContext,
  client: GenesysClient,
  filters: PreviewFilters,
  state: RecordState,
): Promise<EventSelection> {
  const source = state.source!;
  if (source.kind === 'files') return Promise.resolve(source.events);
  return recordLiveEvents(ctx, client, {
    integrationName: filters.integrationName,
    topicFilter: filters.topicFilter ?? [],
    topics: state.liveTopics ?? [],
    ids: state.liveIds ?? {},
    seconds: state.liveSeconds!,
  });
}

/** Asks which events, for filters already known. */
export async function askEvents(ctx: CommandContext, client: GenesysClient, filters: PreviewFilters, title: string) {
  const state = await runWizard<RecordState>(
    ctx.prompter(),
    title,
    eventSteps<RecordState>(ctx, client, () => filters.topicFilter ?? []),
    { args: {} },
  );
  return eventsOf(ctx, client, filters, state);
}

/** Runs the preview and shows it; the panel's "Other Events…" asks again for the same filters. */
export async function showPreview(
  ctx: CommandContext,
  filters: PreviewFilters,
  events: EventSelection,
  column?: vscode.ViewColumn,
): Promise<PreviewShown> {
  const outcome = await runFilterPreview(ctx, filters, events);
  rememberEvents(events);
  const panel = PreviewPanel.show(ctx, outcome, (shown) => otherEvents(ctx, shown.filters), column);
  return { outcome, panel };
}

async function otherEvents(ctx: CommandContext, filters: PreviewFilters): Promise<PreviewShown> {
  const { client } = await ctx.services.requireSession();
  const events = await askEvents(ctx, client, filters, vscode.l10n.t('Preview on Other Events'));
  return showPreview(ctx, filters, events);
}
