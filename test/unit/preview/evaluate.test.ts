/**
 * The preview's rules end to end in the core: regex with re2-wasm (RE2 semantics, unanchored), exact on JSON text,
 * exists/notexists, every filter must match, unknown fields warned about, a draft applied as `apply` would, counts
 * before and after, and patterns that cannot be evaluated refused with RE2's positioned diagnostics.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject, JsonValue } from '../../../src/common/json';
import { RegexValidator } from '../../../src/filters/regex/validator';
import {
  createPreview,
  describeVerdict,
  FilterSetError,
  PreviewPatternError,
  runPreview,
  type EventItem,
  type PreviewOptions,
} from '../../../src/filters/preview';

let validator: RegexValidator;
before(() => {
  validator = new RegexValidator();
});
after(() => validator.dispose());

const notification = (topicName: string, eventBody: JsonValue): JsonObject => ({ topicName, eventBody });
const preview = (options: Omit<PreviewOptions, 'validator'>) => createPreview({ validator, ...options });
const keeps = async (options: Omit<PreviewOptions, 'validator'>, body: JsonValue): Promise<boolean> =>
  (await preview(options)).evaluate(notification('v2.t', body), 0).kept;
const draft = (key: string, matchType: 'regex' | 'exact' | 'exists' | 'notexists', values: string[] = []) => ({
  draft: { key, matchType, values },
});

function documentWith(attributes: JsonValue[], extra: JsonObject = {}): JsonObject {
  return {
    id: 'i',
    subscriptions: [{ name: 'sub', events: [], filterCriteria: { attributes, ...extra } }],
  };
}

describe('regex is evaluated with RE2 (re2-wasm), unanchored', () => {
  it('contains a match anywhere unless anchored', async () => {
    assert.equal(await keeps(draft('q', 'regex', ['Prem']), { q: 'Super Premium' }), true);
    assert.equal(await keeps(draft('q', 'regex', ['^Prem']), { q: 'Super Premium' }), false);
    assert.equal(await keeps(draft('q', 'regex', ['^Prem.*$']), { q: 'Premium' }), true);
  });

  it('RE2 syntax that JavaScript lacks works: inline flags, \\pL, \\Q…\\E', async () => {
    // A JavaScript RegExp would reject (?i) and \pL, or read them differently: this proves the engine is RE2.
    assert.equal(await keeps(draft('q', 'regex', ['(?i)^premium']), { q: 'PREMIUM gold' }), true);
    assert.equal(await keeps(draft('q', 'regex', ['^\\pL+$']), { q: 'Ünïcödé' }), true);
    assert.equal(await keeps(draft('q', 'regex', ['^\\pL+$']), { q: 'abc1' }), false);
    assert.equal(await keeps(draft('q', 'regex', ['\\Q1+1\\E']), { q: 'is 1+1 two?' }), true);
  });

  it('named groups written the PCRE/JS way are matched exactly as validated', async () => {
    assert.equal(await keeps(draft('q', 'regex', ['^(?<tier>gold|silver)-\\d+$']), { q: 'gold-12' }), true);
  });

  it('numbers and booleans are matched as their JSON text; objects have no text', async () => {
    assert.equal(await keeps(draft('n', 'regex', ['^2\\.5$']), { n: 2.5 }), true);
    assert.equal(await keeps(draft('b', 'regex', ['^true$']), { b: true }), true);
    assert.equal(await keeps(draft('o', 'regex', ['.*']), { o: { a: 'x' } }), false);
  });

  it('some value of an array matches', async () => {
    const body = { participants: [{ name: 'Standard' }, { name: 'Premium Sales' }] };
    assert.equal(await keeps(draft('participants.name', 'regex', ['^Premium']), body), true);
    assert.equal(await keeps(draft('participants.name', 'regex', ['^Gold']), body), false);
  });

  it('several patterns on one filter: some pattern matches', async () => {
    const options = {
      subscription: { document: documentWith([{ key: 'q', matchType: 'regex', values: ['^a', '^b'] }]), name: 'sub' },
    };
    assert.equal(await keeps(options, { q: 'bee' }), true);
    assert.equal(await keeps(options, { q: 'cat' }), false);
  });
});

describe('exact, exists, notexists', () => {
  it('exact: some value text equals one of the values (numbers and booleans as JSON text)', async () => {
    assert.equal(await keeps(draft('d', 'exact', ['inbound', 'outbound']), { d: 'outbound' }), true);
    assert.equal(await keeps(draft('d', 'exact', ['inbound']), { d: 'Inbound' }), false, 'case matters');
    assert.equal(await keeps(draft('n', 'exact', ['5']), { n: 5 }), true);
    assert.equal(await keeps(draft('n', 'exact', ['5.0']), { n: 5 }), false, 'the JSON text of 5 is "5"');
    assert.equal(await keeps(draft('b', 'exact', ['false']), { b: false }), true);
    assert.equal(await keeps(draft('t', 'exact', ['x']), { t: ['a', 'x'] }), true);
  });

  it('exists: a value was found (an object counts, null does not); notexists: none was', async () => {
    assert.equal(await keeps(draft('c', 'exists'), { c: { id: 1 } }), true);
    assert.equal(await keeps(draft('c', 'exists'), { c: null }), false);
    assert.equal(await keeps(draft('c', 'exists'), { c: [] }), false);
    assert.equal(await keeps(draft('c', 'exists'), { c: 0 }), true);
    assert.equal(await keeps(draft('c', 'notexists'), { c: null }), true);
    assert.equal(await keeps(draft('c', 'notexists'), {}), true);
    assert.equal(await keeps(draft('c', 'notexists'), { c: '' }), false);
  });

  it('every filter must match; the first that fails decides and the value it saw is reported', async () => {
    const document = documentWith([
      { key: 'direction', matchType: 'exact', values: ['inbound'] },
      { key: 'queue', matchType: 'regex', values: ['^Premium'] },
    ]);
    const p = await preview({ subscription: { document, name: 'sub' } });
    const kept = p.evaluate(notification('v2.t', { direction: 'inbound', queue: 'Premium Gold' }), 0);
    assert.equal(kept.kept, true);
    assert.equal(kept.stage, 'attribute');
    assert.equal(kept.attribute?.filterIndex, 1);
    assert.equal(kept.attribute?.value, 'Premium Gold');

    const dropped = p.evaluate(notification('v2.t', { direction: 'inbound', queue: ['Standard', 'Basic'] }), 1);
    assert.equal(dropped.kept, false);
    assert.equal(dropped.attribute?.filter.key, 'queue');
    assert.equal(dropped.attribute?.value, 'Standard');
    assert.equal(dropped.attribute?.valuesFound, 2);
    assert.match(
      describeVerdict(dropped, dropped.eventTopic, 0),
      /"Standard" \(first of 2 values at queue, none matches\) does not match "\^Premium"/,
    );

    const none = p.evaluate(notification('v2.t', { direction: 'outbound' }), 2);
    assert.equal(none.attribute?.filter.key, 'direction');
    assert.equal(describeVerdict(none, none.eventTopic, 0), '"outbound" at direction is none of "inbound"');
  });
});

describe('topic and attribute stages together', () => {
  it('the topic stage decides first; events of every shape are read', async () => {
    const p = await preview({
      topicFilter: ['v2.users.{id}.presence'],
      ...draft('presenceDefinition.systemPresence', 'exact', ['Available']),
    });
    const eventBridge = {
      'detail-type': 'v2.users.{id}.presence',
      detail: { topicName: 'v2.users.u1.presence', eventBody: { presenceDefinition: { systemPresence: 'Available' } } },
    };
    assert.equal(p.evaluate(eventBridge, 0).kept, true);
    const wrongTopic = p.evaluate(notification('v2.users.u1.routingStatus', {}), 1);
    assert.deepEqual([wrongTopic.kept, wrongTopic.stage, wrongTopic.topic.reason], [false, 'topic', 'noMatch']);
    const plain = p.evaluate({ presenceDefinition: { systemPresence: 'Available' } }, 2);
    assert.deepEqual([plain.kept, plain.topic.reason], [false, 'noTopic']);
  });

  it('an empty topic filter passes everything and the preview says so', async () => {
    const p = await preview({ topicFilter: [], topicFilterSource: 'integration', ...draft('a', 'exists') });
    assert.equal(p.evaluate({ a: 1 }, 0).kept, true, 'a plain event without topic passes an empty list');
    assert.ok(
      p.warnings.some((w) => /topic filter is empty: every topic passes/.test(w)),
      p.warnings.join('\n'),
    );
  });
});

describe('unknown fields and documents', () => {
  it('fields the rules do not define, on a filter or on filterCriteria, are named in warnings and ignored', async () => {
    const document = documentWith([{ key: 'q', matchType: 'regex', values: ['^premium'], caseSensitive: false }], {
      combine: 'any',
    });
    const p = await preview({ subscription: { document, name: 'sub' } });
    assert.equal(p.warnings.length, 2, p.warnings.join('\n'));
    assert.match(
      p.warnings.join('\n'),
      /Filter 1 of subscription "sub" \(q\) has a field these rules do not define: caseSensitive \(false\)/,
    );
    assert.match(
      p.warnings.join('\n'),
      /filterCriteria of subscription "sub" has a field these rules do not define: combine \("any"\)/,
    );
    // Ignored: still case-sensitive.
    assert.equal(p.evaluate(notification('t', { q: 'Premium' }), 0).kept, false);
  });

  it('a filter that cannot be evaluated is refused with what is wrong', async () => {
    const bad = documentWith([{ key: 'q', matchType: 'prefix', values: ['a'] }, { matchType: 'exists' }]);
    await assert.rejects(preview({ subscription: { document: bad, name: 'sub' } }), (err: unknown) => {
      assert.ok(err instanceof FilterSetError);
      assert.match(err.message, /Filter 1 of subscription "sub" \(q\) has match type "prefix"/);
      assert.match(err.message, /Filter 2 of subscription "sub" has no attribute key/);
      return true;
    });
    await assert.rejects(
      preview({ subscription: { document: documentWith([]), name: 'other' } }),
      /Subscription "other" not found; the integration has "sub"/,
    );
  });
});

describe('a draft filter', () => {
  const document = documentWith([
    { key: 'direction', matchType: 'exact', values: ['inbound'], note: 'kept by apply' },
    { key: 'queue', matchType: 'regex', values: ['^Premium'] },
  ]);
  const events: JsonValue[] = [
    { direction: 'inbound', queue: 'Premium Gold' },
    { direction: 'inbound', queue: 'Standard' },
    { direction: 'outbound', queue: 'Premium Gold' },
    { direction: 'outbound', queue: 'Standard' },
  ];
  const items = (): EventItem[][] => [
    events.map((b) => ({ kind: 'event', event: notification('t', b), source: { file: 'x' } })),
  ];

  it('replaces the filter on its key (in place), and the counts before and after are both reported', async () => {
    const p = await preview({
      subscription: { document, name: 'sub' },
      draft: { key: 'direction', matchType: 'exact', values: ['inbound', 'outbound'] },
    });
    assert.deepEqual(p.draftEffect, { kind: 'replaces', position: 1 });
    assert.deepEqual(
      p.filters.map((f) => [f.key, f.isDraft]),
      [
        ['direction', true],
        ['queue', false],
      ],
    );
    const summary = await runPreview(p, items());
    assert.deepEqual([summary.total, summary.kept, summary.dropped], [4, 2, 2]);
    assert.deepEqual(summary.before, { kept: 1, dropped: 3 });
  });

  it('is appended when no filter has its key', async () => {
    const p = await preview({ subscription: { document, name: 'sub' }, ...draft('queue.tier', 'notexists') });
    assert.deepEqual(p.draftEffect, { kind: 'appended', position: 3 });
    assert.deepEqual(
      p.filters.map((f) => f.key),
      ['direction', 'queue', 'queue.tier'],
    );
    const summary = await runPreview(p, items());
    assert.deepEqual([summary.kept, summary.before?.kept], [1, 1]);
    assert.equal(summary.droppedBy['filter:0'], 2);
    assert.equal(summary.droppedBy['filter:1'], 1);
  });

  it('without a subscription there is nothing to compare with: no "before"', async () => {
    const p = await preview(draft('queue', 'regex', ['Gold']));
    assert.equal(p.hasBefore, false);
    const summary = await runPreview(p, items());
    assert.deepEqual([summary.kept, summary.before], [2, undefined]);
  });
});

describe('patterns the preview cannot evaluate', () => {
  it('an invalid pattern is refused with the positioned RE2 diagnostics of validate', async () => {
    await assert.rejects(preview(draft('q', 'regex', ['^(Premium'])), (err: unknown) => {
      assert.ok(err instanceof PreviewPatternError);
      assert.equal(err.problems[0].where, 'the draft (q)');
      const d = err.problems[0].diagnostics.find((x) => x.severity === 'error');
      assert.ok(d && /missing \)/.test(d.message) && d.start === 1, JSON.stringify(d));
      return true;
    });
  });

  it('PCRE2-only constructs are errors: RE2 cannot evaluate lookaround', async () => {
    await assert.rejects(preview(draft('q', 'regex', ['^(?!test)'])), /cannot be evaluated with RE2: .*lookahead/);
  });

  it('a subscription filter whose pattern is too complex is refused too, naming the filter', async () => {
    const document = documentWith([{ key: 'q', matchType: 'regex', values: ['\\pL{100}'] }]);
    await assert.rejects(preview({ subscription: { document, name: 'sub' } }), (err: unknown) => {
      assert.ok(err instanceof PreviewPatternError);
      assert.equal(err.problems[0].where, 'filter 1 of subscription "sub" (q)');
      assert.match(err.message, /too complex/);
      return true;
    });
  });
});
