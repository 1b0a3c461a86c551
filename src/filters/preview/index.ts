/**
 * What will a filter do? The preview's public API, for the CLI and the extension:
 * - {@link createPreview} compiles the topic stage, a subscription's filters and a draft (validating every pattern);
 * - {@link readEventFiles} reads .json/.jsonl/.ndjson files in bounded memory, {@link runPreview} /
 *   {@link previewEventFiles} evaluate them and return the counts, streaming each verdict to a callback;
 * - {@link describeVerdict} and friends put a verdict into words; {@link planTap} says which topics can be recorded live;
 * - {@link EventKeyCollector} and {@link schemaKeys} list the attribute keys events and topic schemas have.
 */
export { shapeOf, type EventShape, type ShapedEvent } from './eventShape';
export { TopicStage, topicMatches, type TopicDecision } from './topicStage';
export { AttributePath, textOf } from './attributeValues';
export {
  FilterSetError,
  readFilterSets,
  type AttributeFilterSpec,
  type DraftFilter,
  type FilterSets,
} from './filterSet';
export type { AttributeDecision } from './attributeStage';
export {
  createPreview,
  filterLabel,
  Preview,
  PreviewPatternError,
  type EventSource,
  type EventVerdict,
  type PatternProblem,
  type PreviewOptions,
  type Verdict,
} from './preview';
export { MAX_MATCH_INPUT, MatchInputTooLongError, Re2Matcher, sharedMatcher, type Re2MatcherStats } from './re2Matcher';
export {
  eventFileKind,
  formatSource,
  readEventFiles,
  MAX_JSON_FILE_BYTES,
  MAX_LINE_CHARS,
  type EventItem,
} from './eventFiles';
export { describeInvalid, previewEventFiles, runPreview, type RunPreviewOptions } from './runPreview';
export {
  dropReasonOf,
  PreviewTally,
  topicBarOf,
  type DropReason,
  type InvalidInput,
  type PreviewSummary,
  type TopicCount,
} from './tally';
export { describeCounts, describeFilter, describeVerdict, displayValue, percent } from './describe';
export { EventKeyCollector, schemaKeys, type EventKey, type SchemaKey } from './keyPaths';
export { isWebSocketTopic, planTap, type RequestedTopicCheck, type TapPlan, type TapPlanEntry } from './tapPlan';
