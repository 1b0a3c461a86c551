import type { EventSource, EventVerdict } from './preview';

/**
 * Counts of a preview run and a few examples of each outcome, in bounded memory (the events themselves are streamed
 * to whoever shows them): a 1 GB file must not become a 1 GB list.
 */

/** Why an event was dropped, as a stable key: `topic`, `noTopic` or `filter:<index>`. */
export type DropReason = 'topic' | 'noTopic' | `filter:${number}`;

export interface TopicCount {
  /** The topic-filter entry the topic matched, else the topic with its ids as `{id}`; `(no topic)` when none. */
  topic: string;
  kept: number;
  dropped: number;
}

export interface InvalidInput {
  source: EventSource;
  message: string;
}

export interface PreviewSummary {
  /** Events evaluated. */
  total: number;
  kept: number;
  dropped: number;
  /** Lines, elements or files that are not JSON objects (or could not be read or evaluated). */
  invalid: number;
  /** The subscription's filters as they are, when a draft was tested against them. */
  before?: { kept: number; dropped: number };
  droppedBy: Partial<Record<DropReason, number>>;
  byTopic: TopicCount[];
  /** Up to `examplesPerOutcome` verdicts per outcome (`kept` or a DropReason), in event order. */
  examples: Record<string, EventVerdict[]>;
  /** The first invalid inputs (all of them are counted in `invalid`). */
  invalidInputs: InvalidInput[];
}

const MAX_TOPIC_BARS = 200;
const MAX_INVALID_KEPT = 100;
/** A whole segment that is an id (a UUID or a number); one replace per topic, not a split per event. */
const ID_SEGMENT = /(?<=^|\.)(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)(?=\.|$)/gi;

export function dropReasonOf(verdict: EventVerdict): DropReason | undefined {
  if (verdict.kept) return undefined;
  if (verdict.stage === 'topic') return verdict.topic.reason === 'noTopic' ? 'noTopic' : 'topic';
  return `filter:${verdict.attribute?.filterIndex ?? 0}`;
}

/** The bar an event's topic is counted under. */
export function topicBarOf(verdict: EventVerdict): string {
  if (verdict.topic.reason === 'matched') return verdict.topic.entry;
  if (verdict.eventTopic === undefined) return '(no topic)';
  return verdict.eventTopic.replace(ID_SEGMENT, '{id}');
}

export class PreviewTally {
  private total = 0;
  private kept = 0;
  private invalid = 0;
  private beforeKept = 0;
  private hasBefore = false;
  private readonly droppedBy = new Map<DropReason, number>();
  private readonly topics = new Map<string, TopicCount>();
  private readonly examples = new Map<string, EventVerdict[]>();
  private readonly invalidInputs: InvalidInput[] = [];

  constructor(private readonly examplesPerOutcome = 3) {}

  add(verdict: EventVerdict): void {
    this.total++;
    if (verdict.kept) this.kept++;
    if (verdict.before) {
      this.hasBefore = true;
      if (verdict.before.kept) this.beforeKept++;
    }
    const reason = dropReasonOf(verdict);
    if (reason) this.droppedBy.set(reason, (this.droppedBy.get(reason) ?? 0) + 1);
    this.countTopic(verdict);
    const outcome = reason ?? 'kept';
    let list = this.examples.get(outcome);
    if (!list) this.examples.set(outcome, (list = []));
    if (list.length < this.examplesPerOutcome) list.push(verdict);
  }

  addInvalid(input: InvalidInput): void {
    this.invalid++;
    if (this.invalidInputs.length < MAX_INVALID_KEPT) this.invalidInputs.push(input);
  }

  summary(): PreviewSummary {
    const summary: PreviewSummary = {
      total: this.total,
      kept: this.kept,
      dropped: this.total - this.kept,
      invalid: this.invalid,
      droppedBy: Object.fromEntries(this.droppedBy),
      byTopic: [...this.topics.values()].sort((a, b) => b.kept + b.dropped - (a.kept + a.dropped)),
      examples: Object.fromEntries(this.examples),
      invalidInputs: [...this.invalidInputs],
    };
    if (this.hasBefore) summary.before = { kept: this.beforeKept, dropped: this.total - this.beforeKept };
    return summary;
  }

  private countTopic(verdict: EventVerdict): void {
    let bar = topicBarOf(verdict);
    if (!this.topics.has(bar) && this.topics.size >= MAX_TOPIC_BARS) bar = '(other topics)';
    let count = this.topics.get(bar);
    if (!count) this.topics.set(bar, (count = { topic: bar, kept: 0, dropped: 0 }));
    if (verdict.kept) count.kept++;
    else count.dropped++;
  }
}
