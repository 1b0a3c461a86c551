/**
 * Which org integration each entry of a filters file means: `id` decides when given (and `name`, if also given, must
 * be that integration's name); a `name` alone must match exactly one EventBridge integration.
 */
import type { IntegrationEntry, Span } from './filtersFile';

/** The integration as listed by the org. */
export interface IntegrationRef {
  id: string;
  name: string;
}

/**
 * What keeps an entry from being planned, located in the file. `code` decides the CLI's exit code:
 * an ambiguous name is invalid input (2), everything else is "not found" (3).
 */
export interface PlanProblem {
  code:
    | 'integrationNotFound'
    | 'ambiguousName'
    | 'nameMismatch'
    | 'subscriptionNotFound'
    | 'subscriptionFiltersUnavailable';
  message: string;
  span: Span;
  /** What does exist (subscription names, integration names, matching ids), for the message and the JSON. */
  available?: { label: string; items: string[] };
}

export type Resolution =
  { entry: IntegrationEntry; integration: IntegrationRef } | { entry: IntegrationEntry; problem: PlanProblem };

export function resolveEntries(
  entries: readonly IntegrationEntry[],
  integrations: readonly IntegrationRef[],
): Resolution[] {
  return entries.map((entry) => resolveEntry(entry, integrations));
}

function resolveEntry(entry: IntegrationEntry, integrations: readonly IntegrationRef[]): Resolution {
  const names = {
    label: 'EventBridge integrations in this org',
    items: integrations.map((i) => `${i.name} (${i.id})`),
  };
  if (entry.id) {
    const found = integrations.find((i) => i.id === entry.id!.value);
    if (!found) {
      return problem(
        entry,
        'integrationNotFound',
        `There is no EventBridge integration with id ${entry.id.value} in this org.`,
        entry.id.span,
        names,
      );
    }
    if (entry.name && entry.name.value !== found.name) {
      return problem(
        entry,
        'nameMismatch',
        `The integration ${found.id} is named "${found.name}", not "${entry.name.value}": correct the name or leave it out (the id decides).`,
        entry.name.span,
      );
    }
    return { entry, integration: found };
  }
  const name = entry.name!;
  const matches = integrations.filter((i) => i.name === name.value);
  if (matches.length === 1) return { entry, integration: matches[0] };
  if (matches.length === 0) {
    return problem(
      entry,
      'integrationNotFound',
      `There is no EventBridge integration named "${name.value}" in this org.`,
      name.span,
      names,
    );
  }
  return problem(
    entry,
    'ambiguousName',
    `${matches.length} EventBridge integrations are named "${name.value}": add the "id" of the one you mean.`,
    name.span,
    { label: 'Their ids', items: matches.map((i) => i.id) },
  );
}

function problem(
  entry: IntegrationEntry,
  code: PlanProblem['code'],
  message: string,
  span: Span,
  available?: PlanProblem['available'],
): Resolution {
  return { entry, problem: available ? { code, message, span, available } : { code, message, span } };
}
