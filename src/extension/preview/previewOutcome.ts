/**
 * A finished preview as the panel shows it: the CLI's own words for the counts and for each verdict (the core's
 * describe.ts), the filters with what each dropped, and the first rows of the table with their events kept for
 * opening. Plain data, so the panel can be drawn again (a hidden tab shown again) without running anything.
 */
import * as vscode from 'vscode';
import type { JsonObject } from '../../common/json';
import { describeCounts, describeFilter, describeVerdict, displayValue } from '../../filters/preview/describe';
import { formatSource } from '../../filters/preview/eventFiles';
import type { EventSource, EventVerdict, Preview } from '../../filters/preview/preview';
import type { InvalidInput, PreviewSummary } from '../../filters/preview/tally';
import { shortName } from './eventSources';
import type { EventSelection, PreviewFilters } from './previewInputs';

export interface PreviewRow {
  index: number;
  kept: boolean;
  /** Under the subscription's filters as they are, when a draft is tested against them. */
  keptBefore?: boolean;
  topic?: string;
  /** "topic filter", or the deciding attribute filter ("2. queue.name regex "^P""); undefined: nothing decided. */
  decidedBy?: string;
  decidedByDraft: boolean;
  /** The value the deciding filter saw, as the CLI shows it (strings quoted and cut). */
  value?: string;
  /** describeVerdict: why, in one line. */
  reason: string;
  source?: string;
}

export interface FilterLine {
  position: number;
  text: string;
  isDraft: boolean;
  /** The filter row the command was run on. */
  isFocus: boolean;
  dropped: number;
}

export interface PreviewOutcome {
  filters: PreviewFilters;
  events: EventSelection;
  /** describeCounts: "Keeps 312 of 1,234 events (25%); before: 1,234 (100%)". */
  headline: string;
  summary: PreviewSummary;
  /** The topic stage: its entries and what it dropped (undefined: no topic stage). */
  topicFilter?: { entries: string[]; dropped: number; noTopic: number };
  attributeFilters: FilterLine[];
  /** "The draft replaces filter 1." / "The draft is appended as filter 3." */
  draftEffect?: string;
  warnings: string[];
  invalid: string[];
  rows: PreviewRow[];
  /** The events of `rows`, by index, for "open as JSON". */
  eventsByIndex: Map<number, JsonObject>;
  /** Cancelled part-way: the counts cover the events read until then. */
  stopped: boolean;
}

export function displaySource(source: EventSource): string {
  return formatSource({ ...source, file: shortName(source.file) });
}

export function displayInvalid(input: InvalidInput): string {
  return `${displaySource(input.source)}: ${input.message}`;
}

/** Where an event is: its line (or element) when all events come from one file, else FILE:LINE. */
function sourceOf(source: EventSource, oneFile: boolean): string | undefined {
  if (!oneFile) return displaySource(source);
  if (source.line !== undefined) return vscode.l10n.t('line {0}', source.line);
  if (source.element !== undefined) return vscode.l10n.t('element {0}', source.element);
  return undefined;
}

export function rowOf(preview: Preview, verdict: EventVerdict, oneFile: boolean): PreviewRow {
  const filter = verdict.attribute?.filter;
  const row: PreviewRow = {
    index: verdict.index,
    kept: verdict.kept,
    topic: verdict.eventTopic,
    decidedByDraft: filter?.isDraft ?? false,
    reason: describeVerdict(verdict, verdict.eventTopic, preview.topicStage.entries.length),
  };
  if (verdict.before) row.keptBefore = verdict.before.kept;
  if (verdict.stage === 'topic') {
    if (verdict.topic.reason !== 'emptyList') row.decidedBy = vscode.l10n.t('topic filter');
  } else if (filter) {
    row.decidedBy = `${filter.position}. ${describeFilter(filter)}`;
    if (verdict.attribute?.value !== undefined) row.value = displayValue(verdict.attribute.value);
  }
  const source = verdict.source && sourceOf(verdict.source, oneFile);
  if (source) row.source = source;
  return row;
}

export interface OutcomeParts {
  filters: PreviewFilters;
  events: EventSelection;
  preview: Preview;
  summary: PreviewSummary;
  rows: PreviewRow[];
  eventsByIndex: Map<number, JsonObject>;
  stopped: boolean;
}

export function outcomeOf(parts: OutcomeParts): PreviewOutcome {
  const { preview, summary, filters, events, rows, eventsByIndex, stopped } = parts;
  const dropped = summary.droppedBy;
  const effect = preview.draftEffect;
  return {
    filters,
    events,
    summary,
    rows,
    eventsByIndex,
    stopped,
    headline: describeCounts(summary),
    topicFilter:
      filters.topicFilter === undefined
        ? undefined
        : { entries: [...preview.topicStage.entries], dropped: dropped.topic ?? 0, noTopic: dropped.noTopic ?? 0 },
    attributeFilters: preview.filters.map((f, i) => ({
      position: f.position,
      text: describeFilter(f),
      isDraft: f.isDraft,
      isFocus: !f.isDraft && f.key === filters.focusKey,
      dropped: dropped[`filter:${i}`] ?? 0,
    })),
    draftEffect:
      effect && filters.subscription
        ? effect.kind === 'replaces'
          ? vscode.l10n.t('The draft replaces filter {0}.', effect.position)
          : vscode.l10n.t('The draft is appended as filter {0}.', effect.position)
        : undefined,
    warnings: [...filters.notes, ...(events.notes ?? []), ...preview.warnings],
    invalid: summary.invalidInputs.map(displayInvalid),
  };
}
