import { firstDuplicate } from '../common/text';
import { MAX_PATTERN_LENGTH } from './regex/types';
import type { MatchType } from './attributeFilters';

/** Longest attribute key we accept; real event attribute paths are far shorter, so longer ones are typos or pastes. */
export const MAX_ATTRIBUTE_KEY_LENGTH = 256;

/** Checks an attribute key such as `interaction.routing.queue.name`. Returns undefined when fine, else the reason. */
export function validateAttributeKey(key: string): string | undefined {
  if (key.length === 0) return 'the attribute key is empty';
  if (key.length > MAX_ATTRIBUTE_KEY_LENGTH) {
    return `the attribute key is ${key.length} characters long; at most ${MAX_ATTRIBUTE_KEY_LENGTH} are allowed`;
  }
  const whitespace = /\s/u.exec(key);
  if (whitespace) return `the attribute key contains whitespace at position ${whitespace.index}`;
  // Control characters are invisible in terminals and the tree, so a key with one can never be typed back.
  const control = /\p{Cc}/u.exec(key);
  if (control) return `the attribute key contains a control character at position ${control.index}`;
  const segments = key.split('.');
  const empty = segments.findIndex((s) => s.length === 0);
  if (empty !== -1) {
    if (empty === 0) return 'the attribute key starts with "."; segments must not be empty';
    if (empty === segments.length - 1) return 'the attribute key ends with "."; segments must not be empty';
    return `the attribute key has an empty segment ("..") after "${segments.slice(0, empty).join('.')}"`;
  }
  return undefined;
}

/**
 * Checks the values for a match type: regex takes exactly one pattern, exact one or more values,
 * exists/notexists none. Regex syntax itself is checked by the regex validator, not here.
 */
export function validateFilterValues(matchType: MatchType, values: string[]): string | undefined {
  switch (matchType) {
    case 'regex':
      if (values.length !== 1) return `a regex filter takes exactly one pattern, got ${values.length}`;
      if (values[0].length === 0) return 'the pattern is empty';
      if (values[0].length > MAX_PATTERN_LENGTH) {
        return `the pattern is ${values[0].length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`;
      }
      return undefined;
    case 'exact': {
      if (values.length === 0) return 'an exact filter needs at least one value';
      const empty = values.findIndex((v) => v.length === 0);
      if (empty !== -1) return `value ${empty + 1} is empty`;
      const duplicate = firstDuplicate(values);
      return duplicate === undefined ? undefined : `the value "${duplicate}" is given more than once`;
    }
    case 'exists':
    case 'notexists':
      return values.length === 0 ? undefined : `${matchType} filters take no values, got ${values.length}`;
    default:
      return `unknown match type "${String(matchType)}"`;
  }
}
