import { isJsonObject, type JsonValue } from '../../common/json';

/**
 * The three shapes an event comes in, and where each keeps its body and its topic:
 * - `eventBridge`: what AWS delivers (`detail-type`, `detail: {topicName, eventBody, …}`), as in the real samples;
 * - `notification`: a Notifications API message (`{topicName, eventBody, …}`), what the tap records;
 * - `plain`: anything else; the object itself is the body and it has no topic.
 */
export type EventShape = 'eventBridge' | 'notification' | 'plain';

export interface ShapedEvent {
  shape: EventShape;
  /** Where attribute keys are walked from; undefined when the envelope has no body. */
  body: JsonValue | undefined;
  /** The concrete topic (`v2.users.<id>.presence`), or undefined when the event carries none. */
  topic: string | undefined;
}

/**
 * Reads an event's shape. An EventBridge envelope is recognised by `detail-type` next to a `detail` object (every
 * EventBridge event has both), so a plain body that merely has a `detail` field stays a plain body.
 */
export function shapeOf(event: JsonValue): ShapedEvent {
  if (!isJsonObject(event)) return { shape: 'plain', body: event, topic: undefined };
  const detail = event.detail;
  if (isJsonObject(detail) && typeof event['detail-type'] === 'string') {
    return { shape: 'eventBridge', body: detail.eventBody, topic: topicText(detail.topicName) };
  }
  if (typeof event.topicName === 'string' && Object.hasOwn(event, 'eventBody')) {
    return { shape: 'notification', body: event.eventBody, topic: topicText(event.topicName) };
  }
  return { shape: 'plain', body: event, topic: undefined };
}

function topicText(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
