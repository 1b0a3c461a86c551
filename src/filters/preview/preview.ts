import type { JsonObject, JsonValue } from '../../common/json';
import { describeDiagnostic, type RegexDiagnostic, type RegexValidator } from '../regex/validator';
import { scanPattern } from '../regex/scanner';
import { AttributeStage, type AttributeDecision } from './attributeStage';
import { shapeOf, type EventShape } from './eventShape';
import { readFilterSets, type AttributeFilterSpec, type DraftFilter } from './filterSet';
import { sharedMatcher, type Re2Matcher } from './re2Matcher';
import { TopicStage, type TopicDecision } from './topicStage';

/** Where an event came from: a file and its 1-based line (JSON Lines) or 0-based element (a .json array). */
export interface EventSource {
  file: string;
  line?: number;
  element?: number;
}

/** What one set of filters does to one event. */
export interface Verdict {
  kept: boolean;
  /** The stage that decided: for a drop the stage that dropped it, for a keep the last stage that checked anything. */
  stage: 'topic' | 'attribute';
  topic: TopicDecision;
  /** Set when the attribute stage decided: the deciding filter, and what it saw (see AttributeDecision). */
  attribute?: AttributeDecision & { filter: AttributeFilterSpec };
}

export interface EventVerdict extends Verdict {
  /** Events are numbered from 0 in the order given, across files. */
  index: number;
  source?: EventSource;
  shape: EventShape;
  /** The event's concrete topic, if it has one. */
  eventTopic?: string;
  /** The same event under the subscription's filters as they are, when a draft is tested against them. */
  before?: Verdict;
}

export interface PreviewOptions {
  /** The topic stage (the integration's eventFilter, or topics given); undefined: no topic stage, every topic passes. */
  topicFilter?: readonly string[];
  /** Where the topic filter came from, for the report. */
  topicFilterSource?: 'given' | 'integration';
  /** The Go tutorial's EventBridge document and the subscription whose filters form the attribute stage. */
  subscription?: { document: JsonObject; name: string };
  /** A filter as `apply` would write it: replaces the filter on its key or is appended. */
  draft?: DraftFilter;
  /** Validates every pattern first (RE2 in a worker, with a time budget), so only accepted ones reach the matcher. */
  validator: RegexValidator;
  signal?: AbortSignal;
  /** Defaults to the process-wide matcher. */
  matcher?: Re2Matcher;
}

/** A pattern the preview cannot evaluate: RE2's positioned diagnostics, as `validate` prints them. */
export interface PatternProblem {
  /** "the draft" or "filter 2 of subscription "x" (queue.name)". */
  where: string;
  pattern: string;
  diagnostics: RegexDiagnostic[];
}

export class PreviewPatternError extends Error {
  constructor(readonly problems: PatternProblem[]) {
    super(
      problems
        .map((p) => `The pattern of ${p.where} cannot be evaluated with RE2: ${firstError(p).message}.`)
        .join(' '),
    );
    this.name = 'PreviewPatternError';
  }
}

/** Compiled filters, ready to evaluate events one by one (synchronously: RE2 matching runs in this thread). */
export class Preview {
  readonly topicStage: TopicStage;
  readonly topicFilterSource?: 'given' | 'integration';
  readonly filters: readonly AttributeFilterSpec[];
  readonly beforeFilters?: readonly AttributeFilterSpec[];
  readonly draftEffect?: { kind: 'replaces' | 'appended'; position: number };
  /** Everything the user should know that does not stop the preview (unknown fields, PCRE2 differences…). */
  readonly warnings: readonly string[];
  private readonly after: AttributeStage;
  private readonly before?: AttributeStage;

  constructor(init: {
    topicFilter: readonly string[];
    topicFilterSource?: 'given' | 'integration';
    filters: AttributeFilterSpec[];
    beforeFilters?: AttributeFilterSpec[];
    draftEffect?: { kind: 'replaces' | 'appended'; position: number };
    warnings: string[];
    re2Patterns: ReadonlyMap<string, string>;
    matcher: Re2Matcher;
  }) {
    this.topicStage = new TopicStage(init.topicFilter);
    this.topicFilterSource = init.topicFilterSource;
    this.filters = init.filters;
    this.beforeFilters = init.beforeFilters;
    this.draftEffect = init.draftEffect;
    this.warnings = init.warnings;
    this.after = new AttributeStage(init.filters, init.re2Patterns, init.matcher);
    if (init.beforeFilters) this.before = new AttributeStage(init.beforeFilters, init.re2Patterns, init.matcher);
  }

  /** Whether a draft is compared with the subscription's own filters (then every verdict has `before`). */
  get hasBefore(): boolean {
    return this.before !== undefined;
  }

  /**
   * Evaluates one event (any JSON value; the readers only pass objects). Throws MatchInputTooLongError for a value
   * the regex engine cannot take; the caller counts that event as invalid.
   */
  evaluate(event: JsonValue, index: number, source?: EventSource): EventVerdict {
    const shaped = shapeOf(event);
    const topic = this.topicStage.decide(shaped.topic);
    const verdict = decide(topic, shaped.body, this.after, this.filters) as EventVerdict;
    verdict.index = index;
    verdict.shape = shaped.shape;
    if (source) verdict.source = source;
    if (shaped.topic !== undefined) verdict.eventTopic = shaped.topic;
    if (this.before && this.beforeFilters) verdict.before = decide(topic, shaped.body, this.before, this.beforeFilters);
    return verdict;
  }
}

function decide(
  topic: TopicDecision,
  body: JsonValue | undefined,
  stage: AttributeStage,
  filters: readonly AttributeFilterSpec[],
): Verdict {
  if (!topic.passed) return { kept: false, stage: 'topic', topic };
  const attribute = stage.decide(body);
  if (attribute.filterIndex === -1) return { kept: true, stage: 'topic', topic };
  return {
    kept: attribute.passed,
    stage: 'attribute',
    topic,
    attribute: { ...attribute, filter: filters[attribute.filterIndex] },
  };
}

/**
 * Builds a preview: reads the subscription's filters (warning about fields the rules do not define), applies the
 * draft with the write path's own edit function, and validates every pattern with the RE2 validator. Throws
 * FilterSetError for filters it cannot evaluate and PreviewPatternError for patterns RE2 does not accept
 * (PCRE2-only constructs included: RE2 cannot evaluate lookaround, so a preview would be a guess).
 */
export async function createPreview(options: PreviewOptions): Promise<Preview> {
  const sets = readFilterSets(options.subscription, options.draft);
  const warnings = [...sets.warnings];
  const topicFilter = options.topicFilter ?? [];
  if (options.topicFilter !== undefined && topicFilter.length === 0) {
    warnings.push(
      options.topicFilterSource === 'integration'
        ? "The integration's topic filter is empty: every topic passes the topic stage."
        : 'The topic filter is empty: every topic passes the topic stage.',
    );
  }

  const re2Patterns = new Map<string, string>();
  const problems: PatternProblem[] = [];
  const labelled = [...(sets.before ?? []), ...sets.after].filter((f) => f.matchType === 'regex');
  for (const filter of labelled) {
    for (const pattern of filter.values) {
      if (re2Patterns.has(pattern) || problems.some((p) => p.pattern === pattern)) continue;
      const result = await options.validator.validate(pattern, { allowPcre2Only: false }, options.signal);
      const where = filterLabel(filter, options.subscription?.name);
      if (!result.valid) {
        problems.push({ where, pattern, diagnostics: result.diagnostics });
        continue;
      }
      for (const d of result.diagnostics) {
        if (d.severity === 'warning') warnings.push(`The pattern of ${where}: ${describeDiagnostic(pattern, d)}`);
      }
      re2Patterns.set(pattern, scanPattern(pattern).re2Pattern);
    }
  }
  if (problems.length > 0) throw new PreviewPatternError(problems);

  return new Preview({
    topicFilter,
    topicFilterSource: options.topicFilterSource,
    filters: sets.after,
    beforeFilters: sets.before,
    draftEffect: sets.draftEffect,
    warnings,
    re2Patterns,
    matcher: options.matcher ?? sharedMatcher(),
  });
}

/** "the draft (queue.name)" or "filter 2 of subscription "x" (queue.name)". */
export function filterLabel(filter: AttributeFilterSpec, subscription?: string): string {
  if (filter.isDraft) return `the draft (${filter.key})`;
  return `filter ${filter.position}${subscription ? ` of subscription "${subscription}"` : ''} (${filter.key})`;
}

function firstError(problem: PatternProblem): RegexDiagnostic {
  return problem.diagnostics.find((d) => d.severity === 'error') ?? problem.diagnostics[0];
}
