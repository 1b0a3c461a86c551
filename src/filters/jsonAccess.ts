import type { JsonObject, JsonValue } from './json';

/** Small accessors for editing server JSON in place without decoding it into classes (which drops unknown fields). */

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy that keeps property order; JSON documents have no cycles, dates or prototypes worth keeping. */
export function deepCopy<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/** Strings of a JSON array; non-string members are skipped (they are not ours to interpret). */
export function stringsOf(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Returns `parent[key]` as an object, creating `{}` (appended, so existing order is kept) when it is missing or null.
 * Returns undefined when something else is there: we never overwrite data we do not understand.
 */
export function objectMember(parent: JsonObject, key: string): JsonObject | undefined {
  const current = parent[key];
  if (current === undefined || current === null) {
    const created: JsonObject = {};
    parent[key] = created;
    return created;
  }
  return isJsonObject(current) ? current : undefined;
}

/** Like {@link objectMember} for arrays. */
export function arrayMember(parent: JsonObject, key: string): JsonValue[] | undefined {
  const current = parent[key];
  if (current === undefined || current === null) {
    const created: JsonValue[] = [];
    parent[key] = created;
    return created;
  }
  return Array.isArray(current) ? current : undefined;
}
