/** Reading a filters file: JSONC, the well-formed parts with their positions, and every shape problem located. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import { checkFiltersFile } from '../../../../src/filters/asCode/checkFiltersFile';
import { formatProblem, lineColumnAt, type FileProblem } from '../../../../src/filters/asCode/fileProblems';
import { parseFiltersFile } from '../../../../src/filters/asCode/parseFiltersFile';
import { decodedOffsets, fileRangeOfValueRange } from '../../../../src/filters/asCode/jsonStringOffsets';

/** The text a problem points at. */
const at = (text: string, p: { span: { offset: number; length: number } }) =>
  text.slice(p.span.offset, p.span.offset + p.span.length);
const codes = (problems: FileProblem[]) => problems.map((p) => `${p.kind}:${p.code}`);

const VALID = `// production filters
{
  "integrations": [
    {
      "name": "Voice stream (tutorial)", // the id would do too
      "topicFilters": ["v2.detail.events.conversation.{id}.customer.start",],
      "subscriptions": [
        { "name": "default-voice-stream",
          "filters": [ { "key": "interaction.routing.queue.name", "matchType": "regex", "values": ["^Premium\\\\d$"] },
                       { "key": "interaction.mediaType", "matchType": "exists" } ] }
      ]
    },
    { "id": "3c9e5a71-8b2d-4f60-a1c4-7e5d9b3f2a18" }
  ]
}
`;

describe('filters file: parse', () => {
  it('reads JSONC (comments, trailing commas) into entries that know where they are', () => {
    const { file, problems } = parseFiltersFile(VALID);
    assert.deepEqual(problems, []);
    assert.equal(file.integrations.length, 2);
    const [voice, byId] = file.integrations;
    assert.equal(voice.index, 0);
    assert.equal(voice.name?.value, 'Voice stream (tutorial)');
    assert.equal(at(VALID, voice.name), '"Voice stream (tutorial)"');
    assert.deepEqual(
      voice.topicFilters?.map((t) => t.value),
      ['v2.detail.events.conversation.{id}.customer.start'],
    );
    const [regex, exists] = voice.subscriptions![0].filters;
    assert.equal(regex.values[0].value, '^Premium\\d$', 'JSON escapes are decoded: the pattern has one backslash');
    assert.equal(at(VALID, regex.values[0]), '"^Premium\\\\d$"');
    assert.deepEqual(exists.values, []);
    assert.equal(byId.id?.value, '3c9e5a71-8b2d-4f60-a1c4-7e5d9b3f2a18');
    assert.equal(byId.topicFilters, undefined, 'a field left out is unmanaged, not empty');
    assert.equal(byId.subscriptions, undefined);
    assert.ok(at(VALID, byId).startsWith('{ "id"'));
  });

  it('a syntax error is located by line and column', () => {
    const text = '{\n  "integrations": [\n    { "name": "x" "topicFilters": [] }\n  ]\n}\n';
    const { problems } = parseFiltersFile(text);
    assert.equal(problems[0].kind, 'syntax');
    assert.equal(formatProblem('f.json', text, problems[0]), 'f.json:3:19: error: JSON syntax error: "," is expected');
  });

  it('shape problems: wrong types, missing and unknown properties (with the likely meant name), unknown match types', () => {
    const text = `{ "integrations": [
      { "topicFilter": [] },
      { "name": 42, "subscriptions": {} },
      { "name": "a", "subscriptions": [ { "name": "s", "filters": [ { "key": "k", "matchType": "Regex", "values": ["x"] }, { "matchType": "exists" } ] } ] },
      "not an object"
    ] }`;
    const { file, problems } = parseFiltersFile(text);
    assert.deepEqual(codes(problems), [
      'schema:unknownProperty',
      'schema:missingIdOrName',
      'schema:notAString',
      'schema:wrongType',
      'schema:unknownMatchType',
      'schema:missingProperty',
      'schema:wrongType',
    ]);
    assert.match(problems[0].message, /Unknown property "topicFilter" .* did you mean "topicFilters"\?/);
    assert.equal(at(text, problems[0]), '"topicFilter"');
    assert.equal(at(text, problems[2]), '42');
    assert.equal(at(text, problems[4]), '"Regex"');
    assert.match(problems[4].message, /use one of regex, exact, exists, notexists/);
    assert.match(problems[5].message, /A filter needs "key"/);
    // The well-formed parts are still there (the editor shows CodeLens and checks patterns on them).
    assert.deepEqual(
      file.integrations.map((e) => e.index),
      [0, 1, 2],
    );
    assert.deepEqual(file.integrations[2].subscriptions![0].filters, []);
  });

  it('a property given twice in one object is reported at the second one', () => {
    const text = '{ "integrations": [ { "name": "a", "name": "b" } ] }';
    const { problems } = parseFiltersFile(text);
    assert.deepEqual(codes(problems), ['syntax:duplicateProperty']);
    assert.equal(problems[0].span.offset, text.lastIndexOf('"name"'));
  });

  it('empty and non-object files', () => {
    assert.deepEqual(codes(parseFiltersFile('').problems), ['schema:emptyFile']);
    assert.deepEqual(codes(parseFiltersFile('[]').problems), ['schema:wrongType']);
    assert.deepEqual(codes(parseFiltersFile('{}').problems), ['schema:missingProperty']);
  });

  it('lines and columns count \\r\\n once and are 1-based', () => {
    assert.deepEqual(lineColumnAt('a\r\nbc', 4), { line: 2, column: 2 });
    assert.deepEqual(lineColumnAt('abc', 0), { line: 1, column: 1 });
  });
});

describe('filters file: positions inside JSON strings', () => {
  it('maps pattern offsets through escapes', () => {
    const literal = String.raw`"a\\d\u0041\"z"`; // the value is a\dA"z
    assert.deepEqual(decodedOffsets(literal), [1, 2, 4, 5, 11, 13, 14]);
    // \d (value 1–3) is \\d in the file; A (value 3–4) is \u0041.
    assert.deepEqual(fileRangeOfValueRange(literal, 100, 1, 3), { offset: 102, length: 3 });
    assert.deepEqual(fileRangeOfValueRange(literal, 100, 3, 4), { offset: 105, length: 6 });
    assert.deepEqual(
      fileRangeOfValueRange(literal, 100, 6, 6),
      { offset: 114, length: 0 },
      'the end is the closing quote',
    );
  });
});

describe('filters file: content checks', () => {
  it('topic names, with a fix for a named placeholder; a duplicate topic is a warning whose fix removes it', () => {
    const text = `{ "integrations": [ { "name": "a", "topicFilters": [
      "v2.users.{userId}.presence",
      "v2.routing.queues.{id}.users",
      "v2.routing.queues.{id}.users"
    ] } ] }`;
    const { file } = parseFiltersFile(text);
    const problems = checkFiltersFile(text, file);
    assert.deepEqual(codes(problems), ['content:invalidTopic', 'content:duplicateTopic']);
    const [invalid, duplicate] = problems;
    assert.equal(at(text, invalid), '"v2.users.{userId}.presence"');
    assert.match(invalid.message, /placeholder is a whole segment "\{id\}"/);
    assert.equal(invalid.fix?.title, 'Write the placeholder as {id}: v2.users.{id}.presence');
    assert.equal(duplicate.severity, 'warning');
    assert.equal(duplicate.span.offset, text.lastIndexOf('"v2.routing.queues.{id}.users"'));
    const fixed = applyEdits(text, duplicate.fix!.edits);
    assert.deepEqual(JSON.parse(fixed).integrations[0].topicFilters, [
      'v2.users.{userId}.presence',
      'v2.routing.queues.{id}.users',
    ]);
  });

  it('keys, values per match type, duplicate keys, subscriptions and integrations — each at its place', () => {
    const text = `{ "integrations": [
      { "name": "a", "subscriptions": [
        { "name": "s", "filters": [
          { "key": "queue..name", "matchType": "exact", "values": ["x"] },
          { "key": "k", "matchType": "regex", "values": ["^a", "^b"] },
          { "key": "k", "matchType": "exact", "values": ["x", ""] },
          { "key": "m", "matchType": "exists", "values": ["x"] },
          { "key": "n", "matchType": "exact" }
        ] },
        { "name": "s", "filters": [] }
      ] },
      { "name": "a" }
    ] }`;
    const { file } = parseFiltersFile(text);
    const problems = checkFiltersFile(text, file);
    const found = problems.map((p) => [p.code, at(text, p)]);
    assert.deepEqual(found, [
      ['duplicateIntegration', '"a"'],
      ['invalidKey', '"queue..name"'],
      ['invalidValues', '"^b"'],
      ['duplicateFilterKey', '"k"'],
      ['invalidValues', '""'],
      ['invalidValues', '"x"'],
      ['invalidValues', '"exact"'],
      ['duplicateSubscription', '"s"'],
    ]);
    assert.equal(problems[0].span.offset, text.lastIndexOf('"a"'));
    assert.match(problems[2].message, /a regex filter takes exactly one pattern, got 2/);
    assert.match(problems[6].message, /an exact filter needs at least one value/);
  });
});
