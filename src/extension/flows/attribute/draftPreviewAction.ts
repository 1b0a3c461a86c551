/**
 * "Preview on Events…" in the confirm of Apply / Edit Filter: what the draft would keep and drop on events the user
 * chooses (the panel opens beside the diff), then the same confirm comes back saying so ("On recorded.jsonl: keeps 312
 * of 1,234 events (25%); before: 1,234 (100%)"). The events are remembered for the rest of the flow, so a confirm
 * shown again after a rebase recounts on them without asking. The preview itself loads only when this is used.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../../common/json';
import type { SetFilterEdit } from '../../../filters/attributeFilters';
import type { CommandContext } from '../../commands/commandContext';
import { reportFailure } from '../../errors';
import type { EventSelection } from '../../preview/previewInputs';
import type { ReviewAction } from '../review/confirmDiff';

export class DraftPreviewAction {
  private events: EventSelection | undefined;
  private counted: { base: JsonObject; line: string } | undefined;

  constructor(
    private readonly ctx: CommandContext,
    private readonly integrationId: string,
    private readonly edit: SetFilterEdit,
  ) {}

  /** The confirm's button, for the review of `base`. */
  action(base: JsonObject): ReviewAction {
    return { label: vscode.l10n.t('Preview on Events…'), run: () => this.preview(base, true) };
  }

  /** The counts for the confirm of `base`, once events were chosen; recounted when the base changed (a rebase). */
  async note(base: JsonObject): Promise<string | undefined> {
    if (!this.events) return undefined;
    if (this.counted?.base === base) return this.counted.line;
    try {
      return await this.preview(base, false);
    } catch (err) {
      reportFailure(this.ctx.services.log, err, vscode.l10n.t('preview the draft again'));
      return undefined;
    }
  }

  private async preview(base: JsonObject, ask: boolean): Promise<string> {
    const { previewDraft } = await import('../../preview/draftPreview');
    const { events, line } = await previewDraft(this.ctx, {
      integrationId: this.integrationId,
      document: base,
      edit: this.edit,
      events: ask ? undefined : this.events,
    });
    this.events = events;
    this.counted = { base, line };
    return line;
  }
}
