import { isJsonObject, type JsonObject, type JsonValue } from '../../common/json';
import { validateAttributeKey } from '../attributeKey';

/**
 * Attribute keys a filter could use, each with an example value, found in event bodies and in the platform's topic
 * schemas (`availabletopics?expand=schema`): what the attribute-key step suggests. Keys are the dotted paths the
 * attribute stage walks (see AttributePath): an array is stepped through, so the fields of its elements get the
 * array's own path (`participants.purpose`), and `null` is no value. A property whose name could not be written in a
 * dotted key (it contains a ".", whitespace…) is skipped: no filter can reach it.
 */

export interface EventKey {
  key: string;
  /** A value found there; a scalar is preferred over an object or array when the key has both. */
  example: JsonValue;
  /** How many of the events given had a value there. */
  events: number;
}

export interface SchemaKey {
  key: string;
  /** The schema's type, e.g. `string`, `integer`, `array of string`. */
  type?: string;
  /** The schema's first enum value, example or default, when it gives one. */
  example?: JsonValue;
  /** The topics whose schema has this key. */
  topics: string[];
}

/** Keys past these bounds are not collected: a suggestion list, not an index of the events. */
const MAX_KEYS = 2_000;
const MAX_DEPTH = 12;

function reachable(name: string): boolean {
  return !name.includes('.') && validateAttributeKey(name) === undefined;
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

const isScalar = (value: JsonValue): boolean => value === null || typeof value !== 'object';

/** Collects the keys of event bodies as they stream by (bounded in keys and depth, not in events). */
export class EventKeyCollector {
  private readonly found = new Map<string, EventKey>();
  private count = 0;

  /** Events added so far. */
  get events(): number {
    return this.count;
  }

  /** Adds the keys of one event body (what `shapeOf(event).body` gives). */
  add(body: JsonValue | undefined): void {
    this.count++;
    this.walk(body, '', 0, new Set());
  }

  /** Most common first, then by key. */
  keys(): EventKey[] {
    return [...this.found.values()].sort((a, b) => b.events - a.events || a.key.localeCompare(b.key));
  }

  private walk(value: JsonValue | undefined, path: string, depth: number, seen: Set<string>): void {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const element of value) this.walk(element, path, depth, seen);
      return;
    }
    if (path !== '') this.note(path, value, seen);
    if (!isJsonObject(value) || depth >= MAX_DEPTH) return;
    for (const [name, child] of Object.entries(value)) {
      if (reachable(name)) this.walk(child, join(path, name), depth + 1, seen);
    }
  }

  /** `seen` holds the keys already counted for the current event: an event counts once per key. */
  private note(key: string, value: JsonValue, seen: Set<string>): void {
    let entry = this.found.get(key);
    if (!entry) {
      if (this.found.size >= MAX_KEYS) return;
      this.found.set(key, (entry = { key, example: value, events: 0 }));
    } else if (!isScalar(entry.example) && isScalar(value)) {
      entry.example = value;
    }
    if (!seen.has(key)) {
      seen.add(key);
      entry.events++;
    }
  }
}

/**
 * The keys of topic schemas (JSON Schema as the platform sends it: `properties`, `items`, and Jackson-style `$ref`s to
 * the `id` of a schema elsewhere in the same document), merged across topics.
 */
export function schemaKeys(topics: ReadonlyArray<{ id: string; schema: JsonValue }>): SchemaKey[] {
  const found = new Map<string, SchemaKey>();
  for (const topic of topics) {
    const ids = new Map<string, JsonObject>();
    indexIds(topic.schema, ids, 0);
    const walk = (schema: JsonValue | undefined, path: string, depth: number, types: ReadonlySet<string>): void => {
      if (!isJsonObject(schema) || depth > MAX_DEPTH) return;
      if (typeof schema.$ref === 'string') {
        const target = ids.get(schema.$ref);
        if (target === undefined && path !== '') note(found, path, schema, topic.id);
        // A type already being expanded on this path is recursive (a participant's `consulted` participant): its
        // keys are listed once, at the outer level.
        else if (target !== undefined && !types.has(schema.$ref)) walk(target, path, depth, types);
        return;
      }
      const inside = typeof schema.id === 'string' ? new Set([...types, schema.id]) : types;
      if (path !== '') note(found, path, schema, topic.id);
      // Arrays are flattened: the fields of the items get the array's own path.
      if (isJsonObject(schema.items)) walk(schema.items, path, depth + 1, inside);
      if (!isJsonObject(schema.properties)) return;
      for (const [name, child] of Object.entries(schema.properties)) {
        if (reachable(name)) walk(child, join(path, name), depth + 1, inside);
      }
    };
    walk(topic.schema, '', 0, new Set());
  }
  return [...found.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function indexIds(schema: JsonValue | undefined, ids: Map<string, JsonObject>, depth: number): void {
  if (depth > MAX_DEPTH * 2) return;
  if (Array.isArray(schema)) {
    for (const element of schema) indexIds(element, ids, depth + 1);
    return;
  }
  if (!isJsonObject(schema)) return;
  if (typeof schema.id === 'string' && !ids.has(schema.id)) ids.set(schema.id, schema);
  for (const value of Object.values(schema)) indexIds(value, ids, depth + 1);
}

function note(found: Map<string, SchemaKey>, key: string, schema: JsonObject, topic: string): void {
  let entry = found.get(key);
  if (!entry) {
    if (found.size >= MAX_KEYS) return;
    found.set(key, (entry = { key, topics: [] }));
  }
  if (!entry.topics.includes(topic)) entry.topics.push(topic);
  entry.type ??= typeOf(schema);
  entry.example ??= exampleOf(schema);
}

function typeOf(schema: JsonObject): string | undefined {
  const type = Array.isArray(schema.type)
    ? schema.type.filter((t): t is string => typeof t === 'string' && t !== 'null').join(' | ')
    : schema.type;
  if (typeof type !== 'string' || type === '') return undefined;
  if (type === 'array' && isJsonObject(schema.items)) {
    const item = typeOf(schema.items);
    return item ? `array of ${item}` : type;
  }
  return type;
}

function exampleOf(schema: JsonObject): JsonValue | undefined {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  return schema.example ?? schema.default;
}
