/**
 * Reads a filters file: JSONC (comments and trailing commas allowed) parsed by jsonc-parser, the parser VS Code itself
 * uses, which keeps every node's offset. Then the shape is checked here (the same rules the contributed JSON schema
 * states, so the CLI needs no schema engine) and the well-formed parts are collected with their positions.
 * Nothing is thrown: every problem is returned, located, and the parts that are fine are still returned.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { isMatchType, MATCH_TYPES } from '../attributeFilters';
import type { FileProblem } from './fileProblems';
import type { FilterEntry, FiltersFile, IntegrationEntry, Located, Span, SubscriptionEntry } from './filtersFile';

export interface ParsedFiltersFile {
  file: FiltersFile;
  problems: FileProblem[];
}

/** What each object may hold; the JSON schema (schemas/eventbridge-filters.schema.json) says the same, a test keeps them in step. */
export const ROOT_PROPERTIES = ['$schema', 'integrations'];
export const ENTRY_PROPERTIES = ['id', 'name', 'topicFilters', 'subscriptions'];
export const SUBSCRIPTION_PROPERTIES = ['name', 'filters'];
export const FILTER_PROPERTIES = ['key', 'matchType', 'values'];

export function parseFiltersFile(text: string): ParsedFiltersFile {
  const problems: FileProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  for (const e of errors) {
    problems.push({
      kind: 'syntax',
      severity: 'error',
      code: `json.${printParseErrorCode(e.error)}`,
      message: syntaxMessage(printParseErrorCode(e.error)),
      span: { offset: e.offset, length: Math.max(1, e.length) },
    });
  }
  const reader = new ShapeReader(problems);
  const file: FiltersFile = { integrations: [] };
  if (!root) {
    if (errors.length === 0) {
      reader.schema('emptyFile', 'The file is empty: it needs { "integrations": [ … ] }.', { offset: 0, length: 0 });
    }
    return { file, problems };
  }
  reader.duplicateKeys(root);
  if (!reader.expect(root, 'object', 'the file')) return { file, problems };
  reader.knownProperties(root, ROOT_PROPERTIES, 'the file');
  const list = property(root, 'integrations');
  if (!list) {
    reader.schema('missingProperty', 'The file needs an "integrations" list.', start(root));
    return { file, problems };
  }
  if (!reader.expect(list, 'array', '"integrations"')) return { file, problems };
  (list.children ?? []).forEach((node, index) => {
    const entry = reader.integration(node, index);
    if (entry) file.integrations.push(entry);
  });
  return { file, problems };
}

/** Walks the tree, collecting the well-formed parts and a problem for each part that is not. */
class ShapeReader {
  constructor(private readonly problems: FileProblem[]) {}

  integration(node: Node, index: number): IntegrationEntry | undefined {
    const where = `integrations[${index}]`;
    if (!this.expect(node, 'object', `an entry of "integrations"`)) return undefined;
    this.knownProperties(node, ENTRY_PROPERTIES, `an integration entry`);
    const entry: IntegrationEntry = { index, span: spanOf(node) };
    const id = this.text(property(node, 'id'), '"id"');
    const name = this.text(property(node, 'name'), '"name"');
    if (id) entry.id = id;
    if (name) entry.name = name;
    if (!property(node, 'id') && !property(node, 'name')) {
      this.schema('missingIdOrName', `${where} needs an "id" or a "name" to say which integration it is.`, start(node));
    }
    const topics = property(node, 'topicFilters');
    if (topics && this.expect(topics, 'array', '"topicFilters"')) {
      entry.topicFilters = (topics.children ?? [])
        .map((t) => this.text(t, 'a topic'))
        .filter((t): t is Located<string> => t !== undefined);
    }
    const subscriptions = property(node, 'subscriptions');
    if (subscriptions && this.expect(subscriptions, 'array', '"subscriptions"')) {
      entry.subscriptions = (subscriptions.children ?? [])
        .map((s) => this.subscription(s))
        .filter((s): s is SubscriptionEntry => s !== undefined);
    }
    return entry;
  }

  private subscription(node: Node): SubscriptionEntry | undefined {
    if (!this.expect(node, 'object', 'a subscription')) return undefined;
    this.knownProperties(node, SUBSCRIPTION_PROPERTIES, 'a subscription');
    const name = this.required(node, 'name', 'a subscription');
    const filtersNode = this.required(node, 'filters', 'a subscription');
    const located = name && this.text(name, 'the subscription "name"');
    if (!located) return undefined;
    const filters =
      filtersNode && this.expect(filtersNode, 'array', '"filters"')
        ? (filtersNode.children ?? []).map((f) => this.filter(f)).filter((f): f is FilterEntry => f !== undefined)
        : [];
    return { name: located, filters, span: spanOf(node) };
  }

  private filter(node: Node): FilterEntry | undefined {
    if (!this.expect(node, 'object', 'a filter')) return undefined;
    this.knownProperties(node, FILTER_PROPERTIES, 'a filter');
    const keyNode = this.required(node, 'key', 'a filter');
    const matchTypeNode = this.required(node, 'matchType', 'a filter');
    const key = keyNode && this.text(keyNode, '"key"', true);
    const matchType = matchTypeNode && this.text(matchTypeNode, '"matchType"');
    if (matchType && !isMatchType(matchType.value)) {
      this.schema(
        'unknownMatchType',
        `Unknown match type "${matchType.value}"; use one of ${MATCH_TYPES.join(', ')}.`,
        matchType.span,
      );
      return undefined;
    }
    const valuesNode = property(node, 'values');
    let values: Located<string>[] = [];
    if (valuesNode && this.expect(valuesNode, 'array', '"values"')) {
      values = (valuesNode.children ?? [])
        .map((v) => this.text(v, 'a value', true))
        .filter((v): v is Located<string> => v !== undefined);
    }
    if (!key || !matchType) return undefined;
    return { key, matchType: matchType as Located<FilterEntry['matchType']['value']>, values, span: spanOf(node) };
  }

  /** A string value with its position; a problem (and undefined) for anything else. Empty strings are shape errors unless `emptyOk`. */
  private text(node: Node | undefined, what: string, emptyOk = false): Located<string> | undefined {
    if (!node) return undefined;
    if (node.type !== 'string') {
      this.schema('notAString', `${capitalize(what)} must be a string, not ${describe(node)}.`, spanOf(node));
      return undefined;
    }
    const value = node.value as string;
    if (!emptyOk && value.trim() === '') {
      this.schema('emptyString', `${capitalize(what)} must not be empty.`, spanOf(node));
      return undefined;
    }
    return { value, span: spanOf(node) };
  }

  private required(node: Node, name: string, what: string): Node | undefined {
    const found = property(node, name);
    if (!found) this.schema('missingProperty', `${capitalize(what)} needs "${name}".`, start(node));
    return found;
  }

  expect(node: Node, type: 'object' | 'array', what: string): boolean {
    if (node.type === type) return true;
    this.schema(
      'wrongType',
      `${capitalize(what)} must be ${type === 'object' ? 'an object' : 'a list'}, not ${describe(node)}.`,
      spanOf(node),
    );
    return false;
  }

  knownProperties(node: Node, known: string[], what: string): void {
    for (const prop of node.children ?? []) {
      const keyNode = prop.children?.[0];
      const name = keyNode?.value as string | undefined;
      if (!keyNode || name === undefined || known.includes(name)) continue;
      const hint = closest(name, known);
      this.schema(
        'unknownProperty',
        `Unknown property "${name}" in ${what}${hint ? ` — did you mean "${hint}"?` : ''} (known: ${known.filter((k) => !k.startsWith('$')).join(', ')}).`,
        spanOf(keyNode),
      );
    }
  }

  /** Two properties of one object with the same name: JSON parsers silently keep one of them. */
  duplicateKeys(node: Node): void {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        const name = keyNode?.value as string | undefined;
        if (keyNode && name !== undefined) {
          if (seen.has(name)) {
            this.problems.push({
              kind: 'syntax',
              severity: 'error',
              code: 'duplicateProperty',
              message: `"${name}" is given twice in this object; only one of them would be read.`,
              span: spanOf(keyNode),
            });
          }
          seen.add(name);
        }
      }
    }
    for (const child of node.children ?? []) this.duplicateKeys(child);
  }

  schema(code: string, message: string, span: Span): void {
    this.problems.push({ kind: 'schema', severity: 'error', code, message, span });
  }
}

function property(node: Node, name: string): Node | undefined {
  // The last one wins, as in JSON.parse; a duplicate is reported separately.
  const props = (node.children ?? []).filter((p) => p.type === 'property' && p.children?.[0]?.value === name);
  return props.at(-1)?.children?.[1];
}

function spanOf(node: Node): Span {
  return { offset: node.offset, length: node.length };
}

function start(node: Node): Span {
  return { offset: node.offset, length: 1 };
}

function describe(node: Node): string {
  switch (node.type) {
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'null':
      return 'null';
    default:
      return `a ${node.type}`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The known name a typo most likely meant: same letters ignoring case, or at most two edits away. */
export function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = word.toLowerCase() === lower ? 0 : editDistance(lower, word.toLowerCase());
    if (distance <= Math.min(2, Math.floor(word.length / 3)) && (!best || distance < best.distance)) {
      best = { word, distance };
    }
  }
  return best?.word;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** jsonc-parser's error codes in words. */
function syntaxMessage(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'JSON syntax error: unexpected character',
    InvalidNumberFormat: 'JSON syntax error: invalid number',
    PropertyNameExpected: 'JSON syntax error: a property name in double quotes is expected',
    ValueExpected: 'JSON syntax error: a value is expected',
    ColonExpected: 'JSON syntax error: ":" is expected',
    CommaExpected: 'JSON syntax error: "," is expected',
    CloseBraceExpected: 'JSON syntax error: "}" is expected',
    CloseBracketExpected: 'JSON syntax error: "]" is expected',
    EndOfFileExpected: 'JSON syntax error: end of file expected (more than one top-level value)',
    InvalidCommentToken: 'JSON syntax error: invalid comment',
    UnexpectedEndOfComment: 'JSON syntax error: the comment is not closed (*/ missing)',
    UnexpectedEndOfString: 'JSON syntax error: the string is not closed (" missing)',
    UnexpectedEndOfNumber: 'JSON syntax error: the number ends unexpectedly',
    InvalidUnicode: 'JSON syntax error: invalid \\u escape',
    InvalidEscapeCharacter: 'JSON syntax error: invalid escape (write a backslash as \\\\)',
    InvalidCharacter: 'JSON syntax error: invalid character in a string (control characters must be escaped)',
  };
  return words[code] ?? `JSON syntax error (${code})`;
}
