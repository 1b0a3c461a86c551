/**
 * Runs a preview under a cancellable progress notification: the core compiles the filters (every pattern checked by
 * the session's RE2 worker first), streams the files and evaluates each event in this thread. The panel gets the
 * counts, the first rows and their events; the attribute-key step gets the keys of the first events. Cancel keeps
 * what was read so far: the counts then say how far it got.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import {
  createPreview,
  EventKeyCollector,
  FilterSetError,
  formatSource,
  PreviewPatternError,
  PreviewTally,
  readEventFiles,
  runPreview,
  shapeOf,
  type EventItem,
  type EventVerdict,
  type Preview,
  type PreviewSummary,
} from '../../filters/preview';
import { describeDiagnostic } from '../../filters/regex/validator';
import type { CommandContext } from '../commands/commandContext';
import { withCancellableProgress } from '../flows/progress';
import { rememberEventKeys } from './loadedEventKeys';
import type { EventSelection, PreviewFilters } from './previewInputs';
import { outcomeOf, rowOf, type PreviewOutcome, type PreviewRow } from './previewOutcome';

/** The table shows the first events; the counts cover all of them. */
export const TABLE_ROWS = 500;
/** Events walked for attribute-key suggestions: enough to see every shape, cheap on a large file. */
const KEY_EVENTS = 2_000;
const PROGRESS_EVERY_MS = 250;

/** Filters or patterns the preview cannot evaluate; the message says which and why. */
export class PreviewInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviewInputError';
  }
}

export function runFilterPreview(
  ctx: CommandContext,
  filters: PreviewFilters,
  events: EventSelection,
): Promise<PreviewOutcome> {
  const title = vscode.l10n.t('Previewing {0} on {1}', filters.title, events.label);
  return withCancellableProgress(title, async (signal, report) => {
    const preview = await compile(ctx, filters, signal);
    const rows: PreviewRow[] = [];
    const eventsByIndex = new Map<number, JsonObject>();
    // The core's tally is returned only at the end; this one keeps the counts of a run that is cancelled.
    const partial = new PreviewTally();
    const keys = new EventKeyCollector();
    /** The current batch's events by source, while the core evaluates that batch. */
    let current = new Map<string, JsonObject>();
    async function* batches(): AsyncGenerator<EventItem[]> {
      for await (const batch of readEventFiles(events.files, signal)) {
        current = new Map();
        for (const item of batch) {
          if (item.kind !== 'event') continue;
          if (keys.events < KEY_EVENTS) keys.add(shapeOf(item.event).body);
          if (rows.length + current.size < TABLE_ROWS) current.set(formatSource(item.source), item.event as JsonObject);
        }
        yield batch;
      }
    }
    let nextReport = Date.now() + PROGRESS_EVERY_MS;
    const onVerdict = (verdict: EventVerdict): void => {
      partial.add(verdict);
      if (rows.length < TABLE_ROWS) {
        rows.push(rowOf(preview, verdict, events.files.length === 1));
        const event = verdict.source && current.get(formatSource(verdict.source));
        if (event) eventsByIndex.set(verdict.index, event);
      }
      if (Date.now() >= nextReport) {
        report(vscode.l10n.t('{0} events evaluated…', (verdict.index + 1).toLocaleString()));
        nextReport = Date.now() + PROGRESS_EVERY_MS;
      }
    };
    let summary: PreviewSummary;
    let stopped = false;
    try {
      summary = await runPreview(preview, batches(), {
        signal,
        onVerdict,
        onInvalid: (input) => partial.addInvalid(input),
      });
    } catch (err) {
      summary = partial.summary();
      if (!signal.aborted || summary.total + summary.invalid === 0) throw err;
      stopped = true;
    }
    rememberEventKeys({ label: events.label, events: keys.events, keys: keys.keys() });
    return outcomeOf({ filters, events, preview, summary, rows, eventsByIndex, stopped });
  });
}

/** The core's refusals, in words that name the filter and the position in the pattern. */
async function compile(ctx: CommandContext, filters: PreviewFilters, signal: AbortSignal): Promise<Preview> {
  try {
    return await createPreview({
      topicFilter: filters.topicFilter,
      topicFilterSource: 'integration',
      subscription: filters.subscription,
      draft: filters.draft,
      validator: ctx.services.validator,
      signal,
    });
  } catch (err) {
    if (err instanceof PreviewPatternError) {
      const problems = err.problems.map((p) => {
        const first = p.diagnostics.find((d) => d.severity === 'error') ?? p.diagnostics[0];
        const why = first ? describeDiagnostic(p.pattern, first) : vscode.l10n.t('not accepted');
        return vscode.l10n.t(
          'The pattern {0} of {1} cannot be evaluated with RE2: {2}.',
          JSON.stringify(p.pattern),
          p.where,
          why,
        );
      });
      throw new PreviewInputError(problems.join(' '));
    }
    if (err instanceof FilterSetError) {
      throw new PreviewInputError(vscode.l10n.t('These filters cannot be previewed: {0}', err.message));
    }
    throw err;
  }
}
