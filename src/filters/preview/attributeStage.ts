import type { JsonValue } from '../../common/json';
import { AttributePath, textOf } from './attributeValues';
import type { AttributeFilterSpec } from './filterSet';
import type { Re2Matcher } from './re2Matcher';

/**
 * The attribute stage: an event passes when every filter matches (an empty list passes).
 * - `regex`: some value's text contains a match of some pattern (RE2, unanchored);
 * - `exact`: some value's text equals one of the values;
 * - `exists`: at least one value was found (an object counts); `notexists`: none was.
 */
export interface AttributeDecision {
  passed: boolean;
  /** Index of the filter that decided: the first that failed, or on a pass the last one (-1: no filters). */
  filterIndex: number;
  /** What that filter saw: the value that matched, or for a failure the first value found (none: undefined). */
  value?: JsonValue;
  /** On a failure, how many values the key found. */
  valuesFound?: number;
}

const NO_FILTERS: AttributeDecision = { passed: true, filterIndex: -1 };

/** One filter, compiled once: its path split, its values in a set, its patterns as RE2 will see them. */
class CompiledFilter {
  private readonly path: AttributePath;
  private readonly visit: (value: JsonValue) => boolean;
  // Per-evaluation scratch, reset by test(): fields instead of a result object keep the hot loop allocation-free.
  private found = 0;
  private first: JsonValue | undefined;
  private matched: JsonValue | undefined;

  constructor(
    readonly spec: AttributeFilterSpec,
    re2Patterns: ReadonlyMap<string, string>,
    matcher: Re2Matcher,
  ) {
    this.path = new AttributePath(spec.key);
    const note = (value: JsonValue): void => {
      if (this.found++ === 0) this.first = value;
    };
    switch (spec.matchType) {
      case 'regex': {
        const patterns = spec.values.map((p) => {
          const re2 = re2Patterns.get(p);
          if (re2 === undefined) throw new Error(`pattern ${JSON.stringify(p)} was not validated`);
          return re2;
        });
        this.visit = (value) => {
          note(value);
          const text = textOf(value);
          if (text === undefined) return false;
          for (const pattern of patterns) {
            if (matcher.test(pattern, text)) return this.match(value);
          }
          return false;
        };
        break;
      }
      case 'exact': {
        const accepted = new Set(spec.values);
        this.visit = (value) => {
          note(value);
          const text = textOf(value);
          return text !== undefined && accepted.has(text) && this.match(value);
        };
        break;
      }
      case 'exists':
      case 'notexists':
        this.visit = (value) => {
          note(value);
          return this.match(value);
        };
        break;
    }
  }

  /** Whether the filter matches `body`; afterwards `seen()` tells what it saw. */
  test(body: JsonValue | undefined): boolean {
    this.found = 0;
    this.first = undefined;
    this.matched = undefined;
    const some = this.path.some(body, this.visit);
    return this.spec.matchType === 'notexists' ? !some : some;
  }

  decision(passed: boolean, filterIndex: number): AttributeDecision {
    if (passed) {
      return this.spec.matchType === 'notexists'
        ? { passed, filterIndex }
        : { passed, filterIndex, value: this.matched };
    }
    const decision: AttributeDecision = { passed, filterIndex, valuesFound: this.found };
    if (this.first !== undefined) decision.value = this.first;
    return decision;
  }

  private match(value: JsonValue): true {
    this.matched = value;
    return true;
  }
}

export class AttributeStage {
  private readonly compiled: CompiledFilter[];

  /** `re2Patterns` maps each regex value to the text the validator compiled for it (all must have been accepted). */
  constructor(
    readonly filters: readonly AttributeFilterSpec[],
    re2Patterns: ReadonlyMap<string, string>,
    matcher: Re2Matcher,
  ) {
    this.compiled = filters.map((f) => new CompiledFilter(f, re2Patterns, matcher));
  }

  decide(body: JsonValue | undefined): AttributeDecision {
    const count = this.compiled.length;
    if (count === 0) return NO_FILTERS;
    for (let i = 0; i < count; i++) {
      const filter = this.compiled[i];
      if (!filter.test(body)) return filter.decision(false, i);
    }
    return this.compiled[count - 1].decision(true, count - 1);
  }
}
