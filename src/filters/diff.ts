import { createTwoFilesPatch } from 'diff';
import type { JsonValue } from '../common/json';

/** The canonical text of a document for diffs and previews. */
export function formatDocument(doc: JsonValue): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * A unified diff (`--- before`, `+++ after`, `@@` hunks with 3 lines of context); empty string when nothing changed.
 * jsdiff's leading "=====" separator line is dropped: it is not part of the unified format and only adds noise.
 */
export function unifiedDiff(before: string, after: string, beforeLabel: string, afterLabel: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(beforeLabel, afterLabel, before, after, undefined, undefined, { context: 3 });
  return patch.replace(/^=+\n/, '');
}
