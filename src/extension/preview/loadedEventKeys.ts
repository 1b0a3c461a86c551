/**
 * The attribute keys of the events the latest preview read, kept for the session so the attribute-key step of
 * Apply Subscription Filter… can suggest them with an example value. A light module on purpose: the apply flow
 * reads it without loading the preview.
 */
import type { EventKey } from '../../filters/preview/keyPaths';

export interface LoadedEventKeys {
  /** Which events they came from ("recorded.jsonl"). */
  label: string;
  /** How many events were walked (at most the first few thousand of a run). */
  events: number;
  keys: EventKey[];
}

let latest: LoadedEventKeys | undefined;

export function rememberEventKeys(keys: LoadedEventKeys): void {
  latest = keys;
}

export function loadedEventKeys(): LoadedEventKeys | undefined {
  return latest;
}
