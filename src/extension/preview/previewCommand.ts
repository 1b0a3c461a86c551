/**
 * Preview Filter on Events… (`genesysCloud.previewFilter`): from the palette, a subscription row, a filter row or the
 * Topic filters row — which filters (what the row does not say), which events, then the panel. Nothing is written.
 * Arguments (keybindings, tests): `{ integrationId, subscriptionName?, attributeKey?, matchType?, values?, events?,
 * topicFilterOnly? }`; `attributeKey` with `matchType` is a draft evaluated on top of the subscription's filters.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { runWizard } from '../wizard/wizard';
import type { RecordState } from './liveRecording';
import { eventSteps, eventsOf, showPreview, type PreviewShown } from './previewFlow';
import { readPreviewArgs, type PreviewArgs } from './previewInputs';
import { filtersOf, targetSteps, type TargetState } from './previewTarget';
import { readEventBridgeProperties } from '../../filters/topics';

interface PreviewState extends TargetState, RecordState {
  readonly args: PreviewArgs;
}

export function previewFilterCommand(ctx: CommandContext) {
  return async (arg?: unknown): Promise<PreviewShown> => {
    const args = readPreviewArgs(arg);
    const session = await ctx.services.requireSession();
    const steps = [
      ...targetSteps<PreviewState>(session),
      ...eventSteps<PreviewState>(ctx, session.client, (s) => readEventBridgeProperties(s.config!).eventFilter),
    ];
    const done = await runWizard<PreviewState>(ctx.prompter(), vscode.l10n.t('Preview Filter on Events'), steps, {
      args,
    });
    const filters = filtersOf(done);
    const events = await eventsOf(ctx, session.client, filters, done);
    return showPreview(ctx, filters, events);
  };
}
