/**
 * The checks of a filters file that no JSON schema can state: topic names, attribute keys, the values each match type
 * takes, and duplicates (integrations, subscriptions, filter keys, topics) — each at its exact place in the text,
 * with a fix where one is obvious. Patterns are checked apart (asynchronously, by the RE2 validator): patternProblems.ts.
 */
import { modify } from 'jsonc-parser';
import { validateAttributeKey, validateFilterValues } from '../attributeKey';
import { validateTopicName } from '../topics';
import type { FileProblem } from './fileProblems';
import type { FilterEntry, FiltersFile, IntegrationEntry, Located, Span } from './filtersFile';

export function checkFiltersFile(text: string, file: FiltersFile): FileProblem[] {
  const problems: FileProblem[] = [];
  checkDuplicateEntries(file, problems);
  for (const entry of file.integrations) {
    checkTopics(text, entry, problems);
    const names = new Set<string>();
    for (const subscription of entry.subscriptions ?? []) {
      if (names.has(subscription.name.value)) {
        problems.push(
          error(
            'duplicateSubscription',
            `The subscription "${subscription.name.value}" is given twice in this integration; give each subscription once.`,
            subscription.name.span,
          ),
        );
      }
      names.add(subscription.name.value);
      const keys = new Set<string>();
      for (const filter of subscription.filters) {
        const keyProblem = validateAttributeKey(filter.key.value);
        if (keyProblem) problems.push(error('invalidKey', `Invalid attribute key: ${keyProblem}.`, filter.key.span));
        else if (keys.has(filter.key.value)) {
          problems.push(
            error(
              'duplicateFilterKey',
              `"${filter.key.value}" has two filters in "${subscription.name.value}"; a subscription has one filter per key.`,
              filter.key.span,
            ),
          );
        }
        keys.add(filter.key.value);
        const valuesProblem = checkValues(filter);
        if (valuesProblem) problems.push(valuesProblem);
      }
    }
  }
  return problems;
}

function checkDuplicateEntries(file: FiltersFile, problems: FileProblem[]): void {
  const ids = new Map<string, IntegrationEntry>();
  const names = new Map<string, IntegrationEntry>();
  for (const entry of file.integrations) {
    if (entry.id) {
      if (ids.has(entry.id.value)) {
        problems.push(
          error(
            'duplicateIntegration',
            `The integration ${entry.id.value} has two entries; give each integration once.`,
            entry.id.span,
          ),
        );
      }
      ids.set(entry.id.value, entry);
    } else if (entry.name) {
      if (names.has(entry.name.value)) {
        problems.push(
          error(
            'duplicateIntegration',
            `The integration "${entry.name.value}" has two entries; give each integration once.`,
            entry.name.span,
          ),
        );
      }
      names.set(entry.name.value, entry);
    }
  }
}

function checkTopics(text: string, entry: IntegrationEntry, problems: FileProblem[]): void {
  const seen = new Set<string>();
  (entry.topicFilters ?? []).forEach((topic, index) => {
    const problem = validateTopicName(topic.value);
    if (problem) {
      const fixed = topic.value.replace(/\{[^{}.]*\}/g, '{id}');
      const fix =
        fixed !== topic.value && validateTopicName(fixed) === undefined
          ? { title: `Write the placeholder as {id}: ${fixed}`, edits: [replaceLiteral(topic, fixed)] }
          : undefined;
      problems.push({
        ...error('invalidTopic', `Invalid topic name: ${problem}.`, topic.span),
        ...(fix ? { fix } : {}),
      });
    } else if (seen.has(topic.value)) {
      // A set: the second copy changes nothing, so it is only worth a warning (and an obvious fix).
      const path = ['integrations', entry.index, 'topicFilters', index];
      problems.push({
        kind: 'content',
        severity: 'warning',
        code: 'duplicateTopic',
        message: `The topic "${topic.value}" is listed twice; it is one topic filter.`,
        span: topic.span,
        fix: { title: 'Remove the second copy', edits: modify(text, path, undefined, {}) },
      });
    }
    seen.add(topic.value);
  });
}

/** The value rules of the match type, at the value (or match type) they are about. */
function checkValues(filter: FilterEntry): FileProblem | undefined {
  const { matchType, values } = filter;
  const problem = validateFilterValues(
    matchType.value,
    values.map((v) => v.value),
  );
  if (!problem) return undefined;
  let span: Span = matchType.span;
  if (values.length > 0) {
    const emptyIndex = values.findIndex((v) => v.value.length === 0);
    const duplicate = values.find((v, i) => values.findIndex((w) => w.value === v.value) !== i);
    if (matchType.value === 'regex') span = values.length > 1 ? spanFrom(values[1], values.at(-1)!) : values[0].span;
    else if (matchType.value === 'exact') {
      span = (emptyIndex !== -1 ? values[emptyIndex] : (duplicate ?? values[0])).span;
    } else span = spanFrom(values[0], values.at(-1)!);
  }
  return error('invalidValues', `Invalid values for "${filter.key.value}": ${problem}.`, span);
}

function spanFrom(first: Located<string>, last: Located<string>): Span {
  return { offset: first.span.offset, length: last.span.offset + last.span.length - first.span.offset };
}

function replaceLiteral(located: Located<string>, value: string) {
  return { offset: located.span.offset, length: located.span.length, content: JSON.stringify(value) };
}

function error(code: string, message: string, span: Span): FileProblem {
  return { kind: 'content', severity: 'error', code, message, span };
}
