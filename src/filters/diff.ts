import { lazy } from '../common/lazy';

export { formatDocument } from './documentText';

// A lazy edge (see common/lazy.ts): jsdiff loads with the first diff, not with whoever formats a document.
const jsdiff = lazy(() => require('diff') as typeof import('diff'));

/**
 * A unified diff (`--- before`, `+++ after`, `@@` hunks with 3 lines of context); empty string when nothing changed.
 * jsdiff's leading "=====" separator line is dropped: it is not part of the unified format and only adds noise.
 */
export function unifiedDiff(before: string, after: string, beforeLabel: string, afterLabel: string): string {
  if (before === after) return '';
  const patch = jsdiff().createTwoFilesPatch(beforeLabel, afterLabel, before, after, undefined, undefined, {
    context: 3,
  });
  return patch.replace(/^=+\n/, '');
}
