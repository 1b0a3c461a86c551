import type { NotificationTopic } from '../../genesys/notifications';
import { deliveredOver } from '../topics';
import { ID_PLACEHOLDER, topicMatches } from './topicStage';

/**
 * Which of an integration's topics can be recorded live, and what a user must supply to do it. The Notifications API
 * delivers only topics whose `transports` include WebSocket (`All` or `Websocket`; some are EventBridge-only), and
 * only with concrete ids in place of every `{id}`.
 */

export interface TapPlanEntry {
  /** The integration's topic-filter entry. */
  topic: string;
  /** undefined: the catalogue does not list the topic, or lists no transports for it. */
  tappable: boolean | undefined;
  transports?: string[];
  /** Names of the ids to supply, one per `{id}` (the catalogue's topicParameters, else "id"). */
  parameters: string[];
}

export interface RequestedTopicCheck {
  topic: string;
  /** The integration's entry this topic falls under, if any. */
  entry?: string;
  /** Why it cannot be tapped (then it must not be requested). */
  problem?: string;
  /** Why recording it may not be what the user wants (it can still be tapped). */
  warning?: string;
}

export interface TapPlan {
  entries: TapPlanEntry[];
  requested: RequestedTopicCheck[];
}

/** Whether a topic can be recorded over the Notifications WebSocket; undefined when the catalogue does not say. */
export function isWebSocketTopic(transports: readonly string[] | undefined): boolean | undefined {
  return deliveredOver(transports, 'Websocket');
}

function catalogueEntry(catalogue: readonly NotificationTopic[], topic: string): NotificationTopic | undefined {
  return catalogue.find((t) => t.id === topic) ?? catalogue.find((t) => topicMatches(t.id, topic));
}

export function planTap(
  eventFilter: readonly string[],
  catalogue: readonly NotificationTopic[],
  requested: readonly string[] = [],
): TapPlan {
  const entries = eventFilter.map((topic): TapPlanEntry => {
    const known = catalogueEntry(catalogue, topic);
    const placeholders = topic.split('.').filter((s) => s === ID_PLACEHOLDER).length;
    const named = known?.topicParameters?.length === placeholders ? known.topicParameters : undefined;
    const entry: TapPlanEntry = {
      topic,
      tappable: isWebSocketTopic(known?.transports),
      parameters: named ?? Array.from({ length: placeholders }, () => 'id'),
    };
    if (known?.transports) entry.transports = [...known.transports];
    return entry;
  });
  const checks = requested.map((topic): RequestedTopicCheck => {
    const check: RequestedTopicCheck = { topic };
    const entry = eventFilter.find((e) => topicMatches(e, topic));
    if (entry) check.entry = entry;
    else check.warning = "not in the integration's topic filter: the integration does not send it to EventBridge";
    if (topic.split('.').includes(ID_PLACEHOLDER)) {
      check.problem = 'has an {id} placeholder: give a concrete id (a user id, a queue id…)';
      return check;
    }
    const known = catalogueEntry(catalogue, topic);
    if (!known) {
      check.problem = 'matches no topic in the available topics catalogue';
      return check;
    }
    const tappable = isWebSocketTopic(known.transports);
    if (tappable === false) {
      check.problem = `is delivered only over ${known.transports?.join(', ')}, not over WebSocket: it cannot be recorded live`;
    } else if (tappable === undefined) {
      check.warning = `${check.warning ? `${check.warning}; ` : ''}the catalogue does not say which transports deliver it`;
    }
    return check;
  });
  return { entries, requested: checks };
}
