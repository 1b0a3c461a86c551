import type { JsonValue } from '../../common/json';
import { plural } from '../../common/text';
import type { AttributeFilterSpec } from './filterSet';
import type { Verdict } from './preview';

/** Words for a verdict, shared by the CLI and the extension so both say the same thing. */

const MAX_SHOWN = 80;

/** A value as a person reads it: strings quoted (and cut at 80 characters), objects and arrays summarised. */
export function displayValue(value: JsonValue): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > MAX_SHOWN ? `${quoted.slice(0, MAX_SHOWN - 2)}…"` : quoted;
  }
  if (Array.isArray(value)) return `[…${plural(value.length, 'item')}]`;
  if (value !== null && typeof value === 'object') return '{…}';
  return String(value);
}

/** "25%", with "<1%" and ">99%" so a rare outcome never reads as none or all. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const p = (part / whole) * 100;
  if (p > 0 && p < 1) return '<1%';
  if (p > 99 && p < 100) return '>99%';
  return `${Math.round(p)}%`;
}

/** "Keeps 312 of 1,234 events (25%); before: 1,234 (100%)" — the one line both faces lead with. */
export function describeCounts(summary: { total: number; kept: number; before?: { kept: number } }): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const before = summary.before
    ? `; before: ${n(summary.before.kept)} (${percent(summary.before.kept, summary.total)})`
    : '';
  return `Keeps ${n(summary.kept)} of ${plural(summary.total, 'event')} (${percent(summary.kept, summary.total)})${before}`;
}

/** `queue.name regex "^Premium"`, `direction exact "inbound", "outbound"`, `customer.id exists`. */
export function describeFilter(filter: Pick<AttributeFilterSpec, 'key' | 'matchType' | 'values'>): string {
  const values = filter.values.map((v) => JSON.stringify(v)).join(', ');
  return `${filter.key} ${filter.matchType}${values ? ` ${values}` : ''}`;
}

/** Why the verdict came out as it did, in one line: "topic v2.… matches none of the 2 topic filters". */
export function describeVerdict(verdict: Verdict, eventTopic: string | undefined, topicFilterSize: number): string {
  const { topic } = verdict;
  if (verdict.stage === 'topic') {
    switch (topic.reason) {
      case 'noTopic':
        return 'the event has no topic, and the topic filter lets through only the topics it lists';
      case 'noMatch':
        return `topic ${eventTopic ?? '?'} matches none of the ${plural(topicFilterSize, 'topic filter')}`;
      case 'matched':
        return `topic matches ${topic.entry}; no attribute filters`;
      case 'emptyList':
        return 'no topic filter and no attribute filters: every event passes';
    }
  }
  const attribute = verdict.attribute!;
  const { filter } = attribute;
  const at = `at ${filter.key}`;
  const seen = attribute.value === undefined ? undefined : displayValue(attribute.value);
  const others =
    (attribute.valuesFound ?? 0) > 1 ? ` (first of ${attribute.valuesFound} values ${at}, none matches)` : ` ${at}`;
  switch (filter.matchType) {
    case 'regex':
      if (attribute.passed) return `${seen} ${at} matches ${filter.values.map((v) => JSON.stringify(v)).join(' or ')}`;
      return seen === undefined
        ? `no value ${at}`
        : `${seen}${others} does not match ${filter.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'exact':
      if (attribute.passed) return `${seen} ${at} is one of the exact values`;
      return seen === undefined
        ? `no value ${at}`
        : `${seen}${others} is none of ${filter.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'exists':
      return attribute.passed ? `${at} there is ${seen}` : `nothing ${at} (exists)`;
    case 'notexists':
      return attribute.passed ? `nothing ${at} (notexists)` : `${at} there is ${seen} (notexists)`;
  }
}
