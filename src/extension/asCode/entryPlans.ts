/**
 * One entry of a filters file against the org, as the diagnostics, the CodeLens and the Plan and Apply commands all
 * need it: which integration it means, what is live, and the plan (or why there is none).
 */
import type { IntegrationEntry } from '../../filters/asCode/filtersFile';
import {
  liveProblems,
  planIntegration,
  type IntegrationPlan,
  type LiveIntegration,
} from '../../filters/asCode/planIntegration';
import { resolveEntries, type IntegrationRef, type PlanProblem } from '../../filters/asCode/resolveEntries';
import type { OrgCache } from './orgCache';

export type EntryPlan =
  | { kind: 'signedOut' }
  | { kind: 'problems'; problems: PlanProblem[]; integrations: IntegrationRef[] }
  | { kind: 'plan'; plan: IntegrationPlan };

/** `fresh` reads the org again (Plan, Apply); otherwise recent reads are reused (diagnostics, CodeLens). */
export async function planEntry(cache: OrgCache, entry: IntegrationEntry, fresh = false): Promise<EntryPlan> {
  const found = await readEntry(cache, entry, fresh);
  if (found.kind !== 'read') return found;
  const outcome = planIntegration(entry, found.integration, found.live);
  return 'plan' in outcome
    ? { kind: 'plan', plan: outcome.plan }
    : { kind: 'problems', problems: outcome.problems, integrations: found.integrations };
}

/**
 * Only what the org says is wrong with an entry (no such integration, no such subscription…), without planning it:
 * the diagnostics need this while the entry may still have problems of its own that make planning impossible.
 */
export async function entryProblems(
  cache: OrgCache,
  entry: IntegrationEntry,
): Promise<Exclude<EntryPlan, { kind: 'plan' }>> {
  const found = await readEntry(cache, entry, false);
  if (found.kind !== 'read') return found;
  const problems = liveProblems(entry, found.integration, found.live);
  return { kind: 'problems', problems, integrations: found.integrations };
}

type EntryRead =
  | Exclude<EntryPlan, { kind: 'plan' }>
  | { kind: 'read'; integration: IntegrationRef; live: LiveIntegration; integrations: IntegrationRef[] };

async function readEntry(cache: OrgCache, entry: IntegrationEntry, fresh: boolean): Promise<EntryRead> {
  const listing = cache.integrations(fresh);
  if (!listing) return { kind: 'signedOut' };
  const integrations = await listing;
  const [resolution] = resolveEntries([entry], integrations);
  if ('problem' in resolution) return { kind: 'problems', problems: [resolution.problem], integrations };
  const need = { config: entry.topicFilters !== undefined, document: entry.subscriptions !== undefined };
  const live = cache.integration(resolution.integration.id, need, fresh);
  if (!live) return { kind: 'signedOut' };
  return { kind: 'read', integration: resolution.integration, live: await live, integrations };
}
