import { isJsonObject, type JsonObject, type JsonValue } from '../common/json';

/** Small accessors for editing server JSON in place without decoding it into classes (which drops unknown fields). */

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
