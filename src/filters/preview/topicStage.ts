/**
 * The topic stage: the integration's `eventFilter` (or the topics given). An event passes when its topic matches one
 * entry segment by segment, where an entry segment `{id}` stands for any one segment; an event without a topic does
 * not pass a non-empty list; an empty list passes every event.
 */

export const ID_PLACEHOLDER = '{id}';

export type TopicDecision =
  /** The list is empty: the platform sends every topic. */
  | { passed: true; reason: 'emptyList' }
  | { passed: true; reason: 'matched'; entry: string }
  | { passed: false; reason: 'noMatch' }
  | { passed: false; reason: 'noTopic' };

/** True when `topic` matches `entry` segment by segment (`{id}` in the entry matches any one segment). */
export function topicMatches(entry: string, topic: string): boolean {
  return segmentsMatch(entry.split('.'), topic.split('.'));
}

function segmentsMatch(entry: readonly string[], topic: readonly string[]): boolean {
  if (entry.length !== topic.length) return false;
  for (let i = 0; i < entry.length; i++) {
    if (entry[i] !== ID_PLACEHOLDER && entry[i] !== topic[i]) return false;
  }
  return true;
}

const EMPTY_LIST: TopicDecision = { passed: true, reason: 'emptyList' };
const NO_TOPIC: TopicDecision = { passed: false, reason: 'noTopic' };
const NO_MATCH: TopicDecision = { passed: false, reason: 'noMatch' };

/** A topic list split once, so each event costs one split of its own topic. */
export class TopicStage {
  readonly entries: readonly string[];
  private readonly split: ReadonlyArray<readonly string[]>;
  private readonly matched: readonly TopicDecision[];

  constructor(entries: readonly string[]) {
    this.entries = [...entries];
    this.split = this.entries.map((e) => e.split('.'));
    this.matched = this.entries.map((entry) => ({ passed: true, reason: 'matched', entry }));
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** The decision for one event's topic (decision objects are shared: do not mutate them). */
  decide(topic: string | undefined): TopicDecision {
    if (this.entries.length === 0) return EMPTY_LIST;
    if (topic === undefined) return NO_TOPIC;
    const segments = topic.split('.');
    for (let i = 0; i < this.split.length; i++) {
      if (segmentsMatch(this.split[i], segments)) return this.matched[i];
    }
    return NO_MATCH;
  }
}
