import type { JsonValue } from '../../common/json';

/**
 * The values an attribute key finds in an event body. The key is a dotted path walked from the body; where a step
 * meets an array the walk continues into each element (nested arrays too), arrays at the end are flattened, and
 * `null` is not a value. So `participants.purpose` finds one value per participant, and an empty array finds none.
 */
export class AttributePath {
  readonly key: string;
  private readonly segments: readonly string[];
  /** Segments that name something every object inherits (`constructor`, `__proto__`…): looked up as own only. */
  private readonly inherited: readonly boolean[];

  constructor(key: string) {
    this.key = key;
    this.segments = key.split('.');
    this.inherited = this.segments.map((s) => s in Object.prototype);
  }

  /**
   * Calls `visit` with each value found, in document order, until it returns true (then returns true).
   * A callback instead of an array: most filters decide on the first value, and events come by the million.
   */
  some(body: JsonValue | undefined, visit: (value: JsonValue) => boolean): boolean {
    return this.walk(body, 0, visit);
  }

  /** Every value found (for reports and tests). */
  values(body: JsonValue | undefined): JsonValue[] {
    const found: JsonValue[] = [];
    this.some(body, (v) => {
      found.push(v);
      return false;
    });
    return found;
  }

  private walk(value: JsonValue | undefined, depth: number, visit: (value: JsonValue) => boolean): boolean {
    if (value === null || value === undefined) return false;
    if (Array.isArray(value)) {
      for (const element of value) if (this.walk(element, depth, visit)) return true;
      return false;
    }
    if (depth === this.segments.length) return visit(value);
    if (typeof value !== 'object') return false;
    const segment = this.segments[depth];
    if (this.inherited[depth] && !Object.hasOwn(value, segment)) return false;
    return this.walk(value[segment], depth + 1, visit);
  }
}

/** A value's text for `exact` and `regex`: a string as is, a number or boolean as its JSON text; objects have none. */
export function textOf(value: JsonValue): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    default:
      return undefined;
  }
}
