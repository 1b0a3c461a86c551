import { formatSource, readEventFiles, type EventItem } from './eventFiles';
import type { EventVerdict, Preview } from './preview';
import { MatchInputTooLongError } from './re2Matcher';
import { PreviewTally, type InvalidInput, type PreviewSummary } from './tally';

export interface RunPreviewOptions {
  signal?: AbortSignal;
  /** Each evaluated event, in order (a UI table, a --json stream). */
  onVerdict?: (verdict: EventVerdict) => void;
  /** Each line, element or file that is not an event, as soon as it is met. */
  onInvalid?: (input: InvalidInput) => void;
  /** Examples kept per outcome in the summary (default 3). */
  examplesPerOutcome?: number;
}

/**
 * Evaluates items as they come and returns the counts. Events are numbered from 0 across all the items given; an
 * invalid item is counted and reported but does not stop the others.
 */
export async function runPreview(
  preview: Preview,
  batches: AsyncIterable<EventItem[]> | Iterable<EventItem[]>,
  options: RunPreviewOptions = {},
): Promise<PreviewSummary> {
  const tally = new PreviewTally(options.examplesPerOutcome);
  const reportInvalid = (input: InvalidInput): void => {
    tally.addInvalid(input);
    options.onInvalid?.(input);
  };
  let index = 0;
  for await (const batch of batches) {
    options.signal?.throwIfAborted();
    for (const item of batch) {
      if (item.kind === 'invalid') {
        reportInvalid({ source: item.source, message: item.message });
        continue;
      }
      let verdict: EventVerdict;
      try {
        verdict = preview.evaluate(item.event, index, item.source);
      } catch (err) {
        if (!(err instanceof MatchInputTooLongError)) throw err;
        reportInvalid({ source: item.source, message: `cannot be evaluated: ${err.message}` });
        continue;
      }
      index++;
      tally.add(verdict);
      options.onVerdict?.(verdict);
    }
  }
  return tally.summary();
}

/** Reads the files and evaluates their events: the whole preview of a set of event files. */
export function previewEventFiles(
  preview: Preview,
  files: readonly string[],
  options: RunPreviewOptions = {},
): Promise<PreviewSummary> {
  return runPreview(preview, readEventFiles(files, options.signal), options);
}

/** "events.jsonl:12: Unexpected token…" — one line per invalid input. */
export function describeInvalid(input: InvalidInput): string {
  return `${formatSource(input.source)}: ${input.message}`;
}
