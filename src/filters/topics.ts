import type { JsonObject } from '../common/json';
import { firstDuplicate } from '../common/text';
import { arrayMember, objectMember } from './jsonAccess';
import { deepCopy, isJsonObject, stringsOf } from '../common/json';

/*
 * Topic filtering on a real org: `properties.eventFilter` of GET|PUT /api/v2/integrations/{id}/config/current.
 * Like the attribute edits, the config stays plain JSON; only `properties.eventFilter` is touched.
 */

export interface EventBridgeProperties {
  awsAccountId?: string;
  awsAccountRegion?: string;
  eventSourceSuffix?: string;
  eventFilter: string[];
}
export interface TopicEdit {
  add: string[];
  remove: string[];
  /**
   * Only from {@link undoTopicEditFor}: where an added topic goes back (its index in `properties.eventFilter`
   * before it was removed), so an Undo restores the order too. Topics not named here are appended.
   * Build it with `Object.fromEntries` (a literal `__proto__` key would not become an entry).
   */
  restoreAt?: Record<string, number>;
}

/** Thrown by {@link applyTopicEdit} for an edit that {@link validateTopicEdit} rejects. */
export class TopicEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TopicEditError';
  }
}

/** Longest topic name we accept; the longest real topics are around 100 characters. */
export const MAX_TOPIC_LENGTH = 256;
const PLACEHOLDER = '{id}';
const SEGMENT = /^[A-Za-z0-9_-]+$/;

export function readEventBridgeProperties(config: JsonObject): EventBridgeProperties {
  const properties = isJsonObject(config.properties) ? config.properties : {};
  const text = (key: string): string | undefined => {
    const value = properties[key];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const result: EventBridgeProperties = { eventFilter: stringsOf(properties.eventFilter) };
  const awsAccountId = text('awsAccountId');
  const awsAccountRegion = text('awsAccountRegion');
  const eventSourceSuffix = text('eventSourceSuffix');
  if (awsAccountId) result.awsAccountId = awsAccountId;
  if (awsAccountRegion) result.awsAccountRegion = awsAccountRegion;
  if (eventSourceSuffix) result.eventSourceSuffix = eventSourceSuffix;
  return result;
}

/**
 * Whether the platform delivers a topic over `transport`, from the catalogue's `transports` (`["All"]`,
 * `["EventBridge"]`, `["Websocket"]`…); undefined when the catalogue lists none for it.
 */
export function deliveredOver(
  transports: readonly string[] | undefined,
  transport: 'EventBridge' | 'Websocket',
): boolean | undefined {
  if (transports === undefined || transports.length === 0) return undefined;
  return transports.some((t) => /^all$/i.test(t) || t.toLowerCase() === transport.toLowerCase());
}

/**
 * Whether an EventBridge integration can receive a topic. One the catalogue lists without transports is kept: the
 * catalogue does not say, and the platform is the judge.
 */
export function isEventBridgeTopic(transports: readonly string[] | undefined): boolean {
  return deliveredOver(transports, 'EventBridge') ?? true;
}

/** Checks one topic name such as `v2.detail.events.conversation.{id}.customer.start`; undefined = fine, else the reason. */
export function validateTopicName(topic: string): string | undefined {
  if (topic.length === 0) return 'the topic name is empty';
  if (topic.length > MAX_TOPIC_LENGTH) {
    return `the topic name is ${topic.length} characters long; at most ${MAX_TOPIC_LENGTH} are allowed`;
  }
  const whitespace = /\s/u.exec(topic);
  if (whitespace) return `the topic name contains whitespace at position ${whitespace.index}`;
  const segments = topic.split('.');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.length === 0) {
      if (i === 0) return 'the topic name starts with "."; segments must not be empty';
      if (i === segments.length - 1) return 'the topic name ends with "."; segments must not be empty';
      return `the topic name has an empty segment ("..") after "${segments.slice(0, i).join('.')}"`;
    }
    if (segment === PLACEHOLDER || SEGMENT.test(segment)) continue;
    if (segment.includes('{') || segment.includes('}')) {
      return `segment "${segment}" is not valid: the only placeholder is a whole segment "${PLACEHOLDER}"`;
    }
    return `segment "${segment}" contains characters other than letters, digits, "_" and "-"`;
  }
  return undefined;
}

/** Checks topic names a user gave together: each valid, none twice. Undefined when fine, else the reason. */
export function topicListProblem(topics: readonly string[]): string | undefined {
  for (const topic of topics) {
    const problem = validateTopicName(topic);
    if (problem) return `invalid topic "${topic}": ${problem}`;
  }
  const duplicate = firstDuplicate(topics);
  return duplicate === undefined ? undefined : `the topic "${duplicate}" is given more than once`;
}

/** Checks an edit against a config: valid names, no duplicates, nothing added twice or removed that is not there. */
export function validateTopicEdit(config: JsonObject, edit: TopicEdit): string | undefined {
  if (edit.add.length === 0 && edit.remove.length === 0) return 'no topics to add or remove';
  const listProblem = topicListProblem([...edit.add, ...edit.remove]);
  if (listProblem) return listProblem;
  const current = new Set(readEventBridgeProperties(config).eventFilter);
  const alreadyThere = edit.add.find((t) => current.has(t));
  if (alreadyThere !== undefined) return `the topic "${alreadyThere}" is already in the topic filter`;
  const missing = edit.remove.find((t) => !current.has(t));
  if (missing !== undefined) return `the topic "${missing}" is not in the topic filter`;
  const restoreProblem = validateRestoreAt(edit);
  if (restoreProblem) return restoreProblem;
  const properties = config.properties;
  if (properties !== undefined && properties !== null && !isJsonObject(properties)) {
    return 'the config has a "properties" member that is not an object';
  }
  if (
    isJsonObject(properties) &&
    properties.eventFilter !== undefined &&
    properties.eventFilter !== null &&
    !Array.isArray(properties.eventFilter)
  ) {
    return 'the config has a "properties.eventFilter" member that is not a list';
  }
  return undefined;
}

/**
 * Applies a topic edit to a deep copy of `config`: removals first, then topics with a `restoreAt` position go back
 * there, the rest are appended. Throws {@link TopicEditError}.
 */
export function applyTopicEdit(config: JsonObject, edit: TopicEdit): JsonObject {
  const problem = validateTopicEdit(config, edit);
  if (problem) throw new TopicEditError(`Cannot change the topic filter: ${problem}.`);
  const copy = deepCopy(config);
  // Both exist and have the right shape: validateTopicEdit checked it.
  const properties = objectMember(copy, 'properties') as JsonObject;
  const eventFilter = arrayMember(properties, 'eventFilter') as NonNullable<ReturnType<typeof arrayMember>>;
  const removals = new Set(edit.remove);
  // In place, so any non-string members of the list (not ours to judge) keep their positions.
  for (let i = eventFilter.length - 1; i >= 0; i--) {
    const entry = eventFilter[i];
    if (typeof entry === 'string' && removals.has(entry)) eventFilter.splice(i, 1);
  }
  // Lowest index first: each insert then lands where it was, provided the topics were removed together.
  // A list that shrank meanwhile cannot hold the old index; the end of the list is the nearest place.
  for (const [topic, index] of restoredInOrder(edit)) eventFilter.splice(Math.min(index, eventFilter.length), 0, topic);
  eventFilter.push(...edit.add.filter((t) => !hasRestorePosition(edit, t)));
  return copy;
}

/**
 * The part of `edit` still needed on `config` (a fresher copy than the one the edit was made on): topics someone
 * else already added are not added twice, topics already removed are not removed again; restore positions travel
 * with the topics still to add (a position for a topic not added would be an invalid edit).
 */
export function rebaseTopicEdit(config: JsonObject, edit: TopicEdit): TopicEdit {
  const current = new Set(readEventBridgeProperties(config).eventFilter);
  const rebased: TopicEdit = {
    add: edit.add.filter((t) => !current.has(t)),
    remove: edit.remove.filter((t) => current.has(t)),
  };
  const positions = Object.entries(edit.restoreAt ?? {}).filter(([topic]) => rebased.add.includes(topic));
  if (positions.length > 0) rebased.restoreAt = Object.fromEntries(positions);
  return rebased;
}

/**
 * The edit as the config's write path applies it: on every (re-)read, only what is still to do; the config comes
 * back unchanged when nothing is (then nothing is written).
 */
export function topicEditOn(edit: TopicEdit): (config: JsonObject) => JsonObject {
  return (config) => {
    const pending = rebaseTopicEdit(config, edit);
    return pending.add.length + pending.remove.length === 0 ? config : applyTopicEdit(config, pending);
  };
}

/**
 * The edit that puts the topic filter back as it was in `snapshot` (the config before `edit` was applied, and
 * `edit` only what really changed on it): added topics are removed, removed ones come back at their old index.
 */
export function undoTopicEditFor(snapshot: JsonObject, edit: TopicEdit): TopicEdit {
  const properties = isJsonObject(snapshot.properties) ? snapshot.properties : {};
  const eventFilter = Array.isArray(properties.eventFilter) ? properties.eventFilter : [];
  const positions = edit.remove
    .map((topic) => [topic, eventFilter.indexOf(topic)] as const)
    .filter(([, index]) => index !== -1);
  const undo: TopicEdit = { add: [...edit.remove], remove: [...edit.add] };
  if (positions.length > 0) undo.restoreAt = Object.fromEntries(positions);
  return undo;
}

function hasRestorePosition(edit: TopicEdit, topic: string): boolean {
  return edit.restoreAt !== undefined && Object.hasOwn(edit.restoreAt, topic);
}

function restoredInOrder(edit: TopicEdit): Array<[string, number]> {
  return edit.add
    .filter((t) => hasRestorePosition(edit, t))
    .map((t): [string, number] => [t, edit.restoreAt![t]])
    .sort((a, b) => a[1] - b[1]);
}

function validateRestoreAt(edit: TopicEdit): string | undefined {
  if (edit.restoreAt === undefined) return undefined;
  if (typeof edit.restoreAt !== 'object' || edit.restoreAt === null || Array.isArray(edit.restoreAt)) {
    return 'the restore positions are not an object of topic → index';
  }
  for (const [topic, index] of Object.entries(edit.restoreAt)) {
    if (!edit.add.includes(topic)) {
      return `a restore position is given for "${topic}", which is not among the topics to add`;
    }
    if (!Number.isSafeInteger(index) || index < 0) {
      return `the restore position of "${topic}" must be a whole number of 0 or more, not ${String(index)}`;
    }
  }
  return undefined;
}

/** The partner event source name in AWS for an org and the integration's suffix. */
export function eventSourceName(orgId: string, suffix: string): string {
  return `aws.partner/genesys.com/cloud/${orgId}/${suffix}`;
}
