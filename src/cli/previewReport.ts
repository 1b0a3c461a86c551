import type { JsonObject, JsonValue } from '../common/json';
import { plural } from '../common/text';
import {
  describeCounts,
  describeFilter,
  describeVerdict,
  displayValue,
  formatSource,
  type AttributeFilterSpec,
  type EventVerdict,
  type Preview,
  type PreviewSummary,
} from '../filters/preview';
import type { Output } from './output';

/** How `eventbridge-filter test` shows a preview: a summary with examples, or one JSON object streamed to stdout. */

const count = (n: number): string => n.toLocaleString('en-US');

/** What the filters are and where they came from, for the report's header and its JSON. */
export interface PreviewContext {
  topicSource?: string;
  subscriptionName?: string;
}

function filterLine(f: AttributeFilterSpec): string {
  return `  ${f.position}. ${describeFilter(f)}${f.isDraft ? '   ← draft' : ''}`;
}

function reasonOf(preview: Preview, v: EventVerdict): string {
  return describeVerdict(v, v.eventTopic, preview.topicStage.entries.length);
}

/** Label of a drop reason key (`topic`, `noTopic`, `filter:1`). */
function dropLabel(preview: Preview, reason: string): string {
  if (reason === 'topic') return 'by the topic filter';
  if (reason === 'noTopic') return 'for having no topic (the topic filter lets only its topics through)';
  const filter = preview.filters[Number(reason.slice('filter:'.length))];
  return `by filter ${filter.position} (${describeFilter(filter)})`;
}

export function renderText(preview: Preview, summary: PreviewSummary, context: PreviewContext): string {
  const lines: string[] = [];
  const topics = preview.topicStage.entries;
  if (context.topicSource) {
    lines.push(
      `Topic filter (${context.topicSource}): ${topics.length === 0 ? 'empty — every topic passes' : plural(topics.length, 'topic')}`,
    );
    for (const t of topics) lines.push(`  ${t}`);
  }
  if (preview.filters.length > 0 || context.subscriptionName) {
    const where = context.subscriptionName ? `subscription "${context.subscriptionName}"` : 'draft';
    const effect =
      preview.draftEffect && context.subscriptionName
        ? preview.draftEffect.kind === 'replaces'
          ? `; the draft replaces filter ${preview.draftEffect.position}`
          : `; the draft is appended as filter ${preview.draftEffect.position}`
        : '';
    lines.push(
      `Attribute filters (${where}${effect}): ${preview.filters.length === 0 ? 'none — every event passes' : ''}`.trimEnd(),
    );
    for (const f of preview.filters) lines.push(filterLine(f));
  }
  lines.push('', describeCounts(summary));
  for (const [reason, n] of Object.entries(summary.droppedBy)) {
    lines.push(`  dropped ${dropLabel(preview, reason)}: ${count(n ?? 0)}`);
  }
  if (summary.invalid > 0) lines.push(`  not evaluated: ${plural(summary.invalid, 'invalid input')} (listed above)`);
  const outcomes = Object.entries(summary.examples);
  if (outcomes.length > 0) {
    lines.push('', 'Examples:');
    for (const [outcome, verdicts] of outcomes) {
      lines.push(`  ${outcome === 'kept' ? 'kept' : `dropped ${dropLabel(preview, outcome)}`}:`);
      for (const v of verdicts) {
        const where = v.source ? `${formatSource(v.source)} ` : '';
        lines.push(`    #${v.index} ${where}${v.eventTopic ?? '(no topic)'} — ${reasonOf(preview, v)}`);
      }
    }
  }
  if (summary.byTopic.length > 1) {
    lines.push('', 'By topic (kept / events):');
    const width = Math.max(...summary.byTopic.map((t) => t.topic.length));
    for (const t of summary.byTopic) {
      lines.push(`  ${t.topic.padEnd(width)}  ${count(t.kept)} / ${count(t.kept + t.dropped)}`);
    }
  }
  return lines.join('\n');
}

/** A value for JSON output: scalars as they are, objects and arrays summarised (a report is not a copy of the event). */
function jsonValue(value: JsonValue): JsonValue {
  return value !== null && typeof value === 'object' ? displayValue(value) : value;
}

function filterJson(f: AttributeFilterSpec): JsonObject {
  return { position: f.position, key: f.key, matchType: f.matchType, values: f.values, draft: f.isDraft };
}

export function verdictJson(preview: Preview, v: EventVerdict): JsonObject {
  const event: JsonObject = { index: v.index };
  if (v.source) {
    event.file = v.source.file;
    if (v.source.line !== undefined) event.line = v.source.line;
    if (v.source.element !== undefined) event.element = v.source.element;
  }
  event.kept = v.kept;
  event.topic = v.eventTopic ?? null;
  event.stage = v.stage;
  if (v.stage === 'topic') event.topicFilter = v.topic.reason === 'matched' ? v.topic.entry : null;
  else if (v.attribute) {
    event.filter = filterJson(v.attribute.filter);
    if (v.attribute.value !== undefined) event.value = jsonValue(v.attribute.value);
  }
  event.reason = reasonOf(preview, v);
  if (v.before) event.keptBefore = v.before.kept;
  return event;
}

/**
 * Streams `{"events": [...], "total": …}` to stdout: events are written as they are evaluated (in 64 KB pieces), so a
 * 1 GB input never becomes one string. The counts come last because only then are they known.
 */
export class JsonReportStream {
  private buffer = '';
  private first = true;

  constructor(private readonly output: Output) {
    this.buffer = '{\n  "events": [';
  }

  event(value: JsonObject): void {
    this.buffer += `${this.first ? '\n' : ',\n'}    ${JSON.stringify(value)}`;
    this.first = false;
    if (this.buffer.length >= 64 * 1024) this.flush();
  }

  /** Closes the events list and writes the remaining fields (indented like outJson). */
  end(fields: JsonObject): void {
    this.buffer += `${this.first ? '' : '\n  '}],`;
    const rest = JSON.stringify(fields, null, 2).slice(1); // drop the opening brace: we are inside our object
    this.buffer += rest.length > 2 ? rest : '\n  "ok": true\n}';
    this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.output.out(this.buffer.endsWith('\n') ? this.buffer : `${this.buffer}\n`);
    this.buffer = '';
  }
}

export function summaryJson(preview: Preview, summary: PreviewSummary, context: PreviewContext): JsonObject {
  const json: JsonObject = {
    ok: summary.invalid === 0,
    total: summary.total,
    kept: summary.kept,
    dropped: summary.dropped,
    invalid: summary.invalid,
    warnings: [...preview.warnings],
  };
  if (summary.before) json.before = { kept: summary.before.kept, dropped: summary.before.dropped };
  json.topicFilter = context.topicSource
    ? { source: context.topicSource, topics: [...preview.topicStage.entries] }
    : null;
  json.filters = preview.filters.map(filterJson);
  if (context.subscriptionName) json.subscriptionName = context.subscriptionName;
  if (preview.draftEffect) json.draft = { ...preview.draftEffect };
  json.droppedBy = Object.fromEntries(Object.entries(summary.droppedBy).map(([k, n]) => [k, n ?? 0]));
  json.byTopic = summary.byTopic.map((t) => ({ topic: t.topic, kept: t.kept, dropped: t.dropped }));
  json.invalidInputs = summary.invalidInputs.map((i) => ({ ...sourceJson(i.source), message: i.message }));
  return json;
}

function sourceJson(source: { file: string; line?: number; element?: number }): JsonObject {
  const json: JsonObject = { file: source.file };
  if (source.line !== undefined) json.line = source.line;
  if (source.element !== undefined) json.element = source.element;
  return json;
}
