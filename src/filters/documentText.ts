import type { JsonValue } from '../common/json';

/**
 * The canonical text of a document for diffs and previews. Apart from diff.ts so that showing a document (the
 * extension's JSON view, bundled into start-up code) does not bring jsdiff into the bundle.
 */
export function formatDocument(doc: JsonValue): string {
  return JSON.stringify(doc, null, 2) + '\n';
}
