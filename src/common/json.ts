/**
 * Plain JSON as it travels to and from Genesys Cloud, and the few checks every layer needs. The bottom
 * layer: the client, the filter logic, the faces and the emulator all depend on it, and it on nothing.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

export interface JsonObject {
  [key: string]: JsonValue;
}

/** A JSON object (not null, not an array). Accepts `unknown` so parsed input can be checked too. */
export function isJsonObject(value: unknown): value is JsonObject {
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
