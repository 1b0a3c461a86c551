/**
 * Planning one integration against live documents: desired-state semantics (sets, keys, what is left alone), the
 * edits the write paths apply, and their rebase on a document someone changed between plan and apply.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../../src/common/json';
import { parseFiltersFile } from '../../../../src/filters/asCode/parseFiltersFile';
import {
  configEditOf,
  documentEditOf,
  filterEditsOn,
  undoFilterEdits,
  planIntegration,
  topicEditFor,
  type IntegrationPlan,
  type LiveIntegration,
} from '../../../../src/filters/asCode/planIntegration';
import { renderFiltersFile } from '../../../../src/filters/asCode/renderFiltersFile';
import { resolveEntries, type IntegrationRef } from '../../../../src/filters/asCode/resolveEntries';
import {
  defaultOrgData,
  MULTI_SUBSCRIPTION_INTEGRATION_ID as MULTI,
  REAL_ORG_INTEGRATION_ID as REAL_ORG,
} from '../../../../src/emulator/defaultOrgData';

const orgData = defaultOrgData();
const refs: IntegrationRef[] = orgData.integrations
  .filter((i) => (i.integrationType as JsonObject).id === 'amazon-eventbridge-source')
  .map((i) => ({ id: i.id as string, name: i.name as string }));
const multi = refs.find((r) => r.id === MULTI)!;
const live = (id: string): LiveIntegration => ({
  config: structuredClone(orgData.configs![id]),
  document: structuredClone(orgData.eventBridgeDocuments![id]),
});

function entryOf(json: JsonObject) {
  const { file, problems } = parseFiltersFile(JSON.stringify({ integrations: [json] }));
  assert.deepEqual(problems, []);
  return file.integrations[0];
}

function plan(json: JsonObject, state: LiveIntegration = live(MULTI)): IntegrationPlan {
  const outcome = planIntegration(entryOf(json), multi, state);
  assert.ok('plan' in outcome, JSON.stringify(outcome));
  return outcome.plan;
}

const topicsOf = (config: JsonObject) => (config.properties as JsonObject).eventFilter as string[];
const attributesOf = (doc: JsonObject, subscription: string) =>
  ((doc.subscriptions as JsonObject[]).find((s) => s.name === subscription)!.filterCriteria as JsonObject)
    .attributes as JsonObject[];

describe('filters as code: plan', () => {
  it('topicFilters is a set: removals, additions appended in file order, kept ones keep their place, order alone is no change', () => {
    const current = topicsOf(live(MULTI).config!);
    assert.ok(current.length >= 3);
    assert.deepEqual(topicEditFor(current, [...current].reverse()), { add: [], remove: [] });
    const wanted = ['v2.users.{id}.presence', current[2], 'v2.routing.queues.{id}.users', current[0]];
    const p = plan({ id: MULTI, topicFilters: wanted });
    assert.deepEqual(p.topicEdit, {
      add: ['v2.users.{id}.presence', 'v2.routing.queues.{id}.users'],
      remove: current.filter((t, i) => i !== 0 && i !== 2),
    });
    assert.deepEqual(topicsOf(p.config!.after), [
      current[0],
      current[2],
      'v2.users.{id}.presence',
      'v2.routing.queues.{id}.users',
    ]);
    const { properties: _p, ...rest } = p.config!.after;
    const { properties: _q, ...restBefore } = p.config!.before;
    assert.deepEqual(rest, restBefore, 'every other field of the config survives');
    assert.equal(p.changed, true);
  });

  it('filters are matched by key: equal ones untouched (unknown fields kept), changed in place, removed, new appended', () => {
    const before = live(MULTI).document!;
    const p = plan({
      id: MULTI,
      subscriptions: [
        {
          name: 'premium-queues',
          filters: [
            { key: 'interaction.customer.id', matchType: 'exists' }, // unchanged (live has values: [])
            { key: 'interaction.new', matchType: 'exact', values: ['a'] }, // new
            { key: 'interaction.routing.queue.name', matchType: 'regex', values: ['^Gold'] }, // changed
            // interaction.direction: not in the file → removed
          ],
        },
      ],
    });
    assert.deepEqual(p.subscriptions, [
      {
        name: 'premium-queues',
        add: ['interaction.new'],
        remove: ['interaction.direction'],
        change: ['interaction.routing.queue.name'],
      },
    ]);
    const after = attributesOf(p.document!.after, 'premium-queues');
    const original = attributesOf(before, 'premium-queues');
    assert.deepEqual(after, [
      { ...original[0], matchType: 'regex', values: ['^Gold'] }, // caseSensitive and any other field stay
      original[2],
      { key: 'interaction.new', matchType: 'exact', values: ['a'] },
    ]);
    assert.equal(original[0].caseSensitive, false);
    assert.deepEqual(
      attributesOf(p.document!.after, 'digital-channels'),
      attributesOf(before, 'digital-channels'),
      'a subscription not named is untouched',
    );
    const strip = (doc: JsonObject) => ({
      ...doc,
      subscriptions: (doc.subscriptions as JsonObject[]).map(({ filterCriteria: _f, ...s }) => s),
    });
    assert.deepEqual(strip(p.document!.after), strip(before), 'every field outside the filter lists survives');
    assert.deepEqual(p.topicEdit, { add: [], remove: [] }, 'topicFilters left out: unmanaged');
    assert.equal(p.config, undefined);
  });

  it('no changes when the file says what the org has; the edits then leave the documents as they are', () => {
    const p = plan({ id: MULTI, subscriptions: [{ name: 'agent-audit', filters: [] }] });
    assert.equal(p.changed, false);
    assert.deepEqual(p.document!.after, p.document!.before);
  });

  it('a subscription that does not exist is a problem listing those that do; so is an org without the endpoint', () => {
    const outcome = planIntegration(
      entryOf({ id: MULTI, subscriptions: [{ name: 'nope', filters: [] }] }),
      multi,
      live(MULTI),
    );
    assert.ok('problems' in outcome);
    assert.equal(outcome.problems[0].code, 'subscriptionNotFound');
    assert.deepEqual(outcome.problems[0].available?.items, ['premium-queues', 'digital-channels', 'agent-audit']);
    const realOrg = refs.find((r) => r.id === REAL_ORG)!;
    const unavailable = planIntegration(entryOf({ id: REAL_ORG, subscriptions: [] }), realOrg, {
      config: live(REAL_ORG).config,
      documentUnavailable: true,
    });
    assert.ok('problems' in unavailable);
    assert.equal(unavailable.problems[0].code, 'subscriptionFiltersUnavailable');
  });

  it('rebase: on a document someone changed after the plan, only the remaining changes are made and theirs survive', () => {
    const p = plan({
      id: MULTI,
      topicFilters: ['v2.users.{id}.presence'],
      subscriptions: [
        {
          name: 'premium-queues',
          filters: [{ key: 'interaction.direction', matchType: 'exact', values: ['outbound'] }],
        },
      ],
    });
    // Meanwhile a colleague removed one of the filters we remove, added a filter elsewhere, and added a topic.
    const theirs = structuredClone(p.document!.before);
    const premium = attributesOf(theirs, 'premium-queues');
    premium.splice(
      premium.findIndex((a) => a.key === 'interaction.customer.id'),
      1,
    );
    attributesOf(theirs, 'digital-channels').push({ key: 'colleague', matchType: 'exists' });
    const rebased = documentEditOf(p)(theirs);
    assert.deepEqual(
      attributesOf(rebased, 'premium-queues').map((a) => [a.key, a.values]),
      [['interaction.direction', ['outbound']]],
    );
    assert.deepEqual(attributesOf(rebased, 'digital-channels').at(-1), { key: 'colleague', matchType: 'exists' });
    const theirConfig = structuredClone(p.config!.before);
    topicsOf(theirConfig).push('v2.colleague.{id}.topic');
    assert.deepEqual(topicsOf(configEditOf(p)(theirConfig)), ['v2.colleague.{id}.topic', 'v2.users.{id}.presence']);
    // Applied once, applying again changes nothing (idempotent).
    assert.deepEqual(documentEditOf(p)(rebased), rebased);
    assert.deepEqual(configEditOf(p)(configEditOf(p)(theirConfig)), configEditOf(p)(theirConfig));
  });

  it('undo: the undo edits of a plan take the document back exactly, removed filters whole and in place', () => {
    const p = plan({
      id: MULTI,
      subscriptions: [
        {
          name: 'premium-queues',
          filters: [
            { key: 'interaction.routing.queue.name', matchType: 'exact', values: ['Gold'] },
            { key: 'new', matchType: 'exists' },
          ],
        },
        { name: 'digital-channels', filters: [] },
      ],
    });
    const { before, after } = p.document!;
    const undo = undoFilterEdits(before, p.filterEdits);
    assert.equal(undo.length, p.filterEdits.length);
    assert.deepEqual(filterEditsOn(undo)(after), before);
  });

  it('resolving entries: by id (name checked), by a unique name; none or several is a problem', () => {
    const dupes: IntegrationRef[] = [...refs, { id: 'other', name: multi.name }];
    const { file } = parseFiltersFile(
      JSON.stringify({
        integrations: [
          { id: MULTI },
          { id: MULTI, name: 'Wrong name' },
          { name: 'Voice stream (tutorial)' },
          { name: 'Nobody' },
          { id: 'unknown-id' },
          { name: multi.name },
        ],
      }),
    );
    const resolved = resolveEntries(file.integrations, dupes).map((r) =>
      'problem' in r ? r.problem.code : r.integration.id,
    );
    assert.deepEqual(resolved, [
      MULTI,
      'nameMismatch',
      refs.find((r) => r.name === 'Voice stream (tutorial)')!.id,
      'integrationNotFound',
      'integrationNotFound',
      'ambiguousName',
    ]);
  });

  it('export renders the live state so that planning it right after shows no change', () => {
    const exported = renderFiltersFile(
      refs.map((ref) => ({
        ...ref,
        config: orgData.configs![ref.id],
        document: orgData.eventBridgeDocuments![ref.id],
      })),
    );
    assert.match(exported, /^\/\/ eventbridge-filters\.json: /);
    const { file, problems } = parseFiltersFile(exported);
    assert.deepEqual(problems, []);
    for (const resolution of resolveEntries(file.integrations, refs)) {
      assert.ok('integration' in resolution);
      const state = {
        config: orgData.configs![resolution.integration.id],
        document: orgData.eventBridgeDocuments![resolution.integration.id],
      };
      if (!state.document) {
        assert.equal(resolution.entry.subscriptions, undefined, 'no document: subscriptions left out');
      }
      const outcome = planIntegration(resolution.entry, resolution.integration, state);
      assert.ok(
        'plan' in outcome && !outcome.plan.changed,
        `${resolution.integration.name}: ${JSON.stringify(outcome)}`,
      );
    }
  });
});
