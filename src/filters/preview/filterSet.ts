import { isJsonObject, type JsonObject, type JsonValue } from '../../common/json';
import { applyFilterEdit, FilterEditError, isMatchType, MATCH_TYPES, type MatchType } from '../attributeFilters';

/**
 * The attribute filters a preview evaluates, read from a subscription of the Go tutorial's EventBridge document, with a
 * draft applied the way `apply` would apply it: by {@link applyFilterEdit}, the one edit function the write path uses.
 */

/** One filter as evaluated. `position` is 1-based in its list, as people count. */
export interface AttributeFilterSpec {
  key: string;
  matchType: MatchType;
  values: string[];
  position: number;
  /** The draft, or a filter the subscription already has. */
  isDraft: boolean;
}

export interface DraftFilter {
  key: string;
  matchType: MatchType;
  values: string[];
}

export interface FilterSets {
  /** The filters with the draft applied, or the subscription's own when there is no draft. */
  after: AttributeFilterSpec[];
  /** The subscription's filters as they are, when a draft is tested against them. */
  before?: AttributeFilterSpec[];
  /** Whether the draft replaced the filter on its key or was appended (and where). */
  draftEffect?: { kind: 'replaces' | 'appended'; position: number };
  warnings: string[];
}

/** Filters the preview cannot evaluate (a match type these rules do not define, a key that is not a string…). */
export class FilterSetError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'FilterSetError';
  }
}

/** Name of the stand-in subscription a draft is applied to when no subscription was given. */
const DRAFT_ONLY = 'draft';
const KNOWN_FILTER_FIELDS = new Set(['key', 'matchType', 'values']);
const KNOWN_CRITERIA_FIELDS = new Set(['attributes']);

export function readFilterSets(subscription?: { document: JsonObject; name: string }, draft?: DraftFilter): FilterSets {
  const warnings: string[] = [];
  const document = subscription?.document ?? {
    subscriptions: [{ name: DRAFT_ONLY, filterCriteria: { attributes: [] } }],
  };
  const name = subscription?.name ?? DRAFT_ONLY;
  const label = subscription ? `subscription "${name}"` : 'the draft';
  const current = rawAttributes(document, name, label, subscription ? warnings : []);
  const before = subscription ? toSpecs(current, label, warnings) : undefined;
  if (!draft) return { after: before ?? [], warnings };

  // Exactly what `apply` would write, then read back like any subscription (so its own rules apply to it too).
  const edited = applyDraft(document, name, draft);
  const afterRaw = rawAttributes(edited, name, label, []);
  const index = afterRaw.findIndex((a) => isJsonObject(a) && a.key === draft.key);
  const draftEffect = {
    kind: current.some((a) => isJsonObject(a) && a.key === draft.key) ? ('replaces' as const) : ('appended' as const),
    position: index + 1,
  };
  // Unknown fields of a replaced filter were warned about in `before`; the draft keeps them, so only read, not re-warn.
  const after = toSpecs(afterRaw, label, []).map((spec, i) => (i === index ? { ...spec, isDraft: true } : spec));
  return { after, before, draftEffect, warnings };
}

function applyDraft(document: JsonObject, name: string, draft: DraftFilter): JsonObject {
  try {
    return applyFilterEdit(document, { kind: 'set', subscription: name, ...draft });
  } catch (err) {
    // An invalid key or values, or a document apply could not edit either: the same words apply would use.
    if (err instanceof FilterEditError) throw new FilterSetError([err.message]);
    throw err;
  }
}

function rawAttributes(document: JsonObject, name: string, label: string, warnings: string[]): JsonValue[] {
  const subscriptions = Array.isArray(document.subscriptions) ? document.subscriptions.filter(isJsonObject) : [];
  const found = subscriptions.find((s) => s.name === name);
  if (!found) {
    const names = subscriptions.map((s) => s.name).filter((n): n is string => typeof n === 'string');
    throw new FilterSetError([
      `Subscription "${name}" not found; the integration has ${names.length > 0 ? names.map((n) => `"${n}"`).join(', ') : 'none'}.`,
    ]);
  }
  if (found.enabled === false) {
    warnings.push(`${capitalize(label)} is disabled ("enabled": false); its filters are evaluated as if it were on.`);
  }
  const criteria = found.filterCriteria;
  if (criteria === undefined || criteria === null) return [];
  if (!isJsonObject(criteria)) throw new FilterSetError([`The "filterCriteria" of ${label} is not an object.`]);
  for (const field of Object.keys(criteria)) {
    if (KNOWN_CRITERIA_FIELDS.has(field)) continue;
    warnings.push(
      `The filterCriteria of ${label} has a field these rules do not define: ${field} (${brief(criteria[field])}). ` +
        'It is ignored: an event passes when every filter matches.',
    );
  }
  const attributes = criteria.attributes;
  if (attributes === undefined || attributes === null) return [];
  if (!Array.isArray(attributes)) {
    throw new FilterSetError([`The "filterCriteria.attributes" of ${label} is not a list.`]);
  }
  return attributes;
}

function toSpecs(attributes: JsonValue[], label: string, warnings: string[]): AttributeFilterSpec[] {
  const problems: string[] = [];
  const specs: AttributeFilterSpec[] = [];
  attributes.forEach((attribute, i) => {
    const where = `Filter ${i + 1} of ${label}`;
    if (!isJsonObject(attribute)) return problems.push(`${where} is not an object (${brief(attribute)}).`);
    const { key, matchType, values } = attribute;
    if (typeof key !== 'string' || key.length === 0) return problems.push(`${where} has no attribute key.`);
    const named = `${where} (${key})`;
    if (typeof matchType !== 'string' || !isMatchType(matchType)) {
      return problems.push(
        `${named} has match type ${brief(matchType ?? null)}, which these rules do not define (${MATCH_TYPES.join(', ')}).`,
      );
    }
    const texts = valueTexts(values, named, matchType, problems, warnings);
    if (!texts) return;
    for (const field of Object.keys(attribute)) {
      if (KNOWN_FILTER_FIELDS.has(field)) continue;
      warnings.push(
        `${named} has a field these rules do not define: ${field} (${brief(attribute[field])}). ` +
          'It is ignored: the preview follows the documented rules.',
      );
    }
    specs.push({ key, matchType, values: texts, position: i + 1, isDraft: false });
  });
  if (problems.length > 0) throw new FilterSetError(problems);
  return specs;
}

function valueTexts(
  values: JsonValue | undefined,
  named: string,
  matchType: MatchType,
  problems: string[],
  warnings: string[],
): string[] | undefined {
  const list = values === undefined || values === null ? [] : values;
  if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) {
    problems.push(`${named} has values that are not a list of strings (${brief(values ?? null)}).`);
    return undefined;
  }
  const texts = list as string[];
  if (matchType === 'regex' && texts.length === 0) {
    problems.push(`${named} is a regex filter without a pattern.`);
    return undefined;
  }
  if (matchType === 'exact' && texts.length === 0) {
    warnings.push(`${named} is an exact filter without values: it matches no event.`);
  }
  if ((matchType === 'exists' || matchType === 'notexists') && texts.length > 0) {
    warnings.push(`${named} is ${matchType} but has values (${brief(texts)}); they are ignored.`);
    return [];
  }
  return texts;
}

/** A short rendering of a JSON value for a message. */
function brief(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
