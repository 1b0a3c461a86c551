/** The EventBridge document the attribute-filter tests edit, and a reader of one subscription's filters. */
import type { JsonObject } from '../../../src/common/json';

/** The Go tutorial's document plus fields this tool does not model at all four levels. */
export function richDocument(): JsonObject {
  return {
    id: '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c',
    awsAccount: '123456789012',
    awsRegion: 'us-east-1',
    roleArn: 'arn:aws:iam::123456789012:role/GenesysEventBridgeRole',
    topLevelUnknown: { nested: [1, 'two', null, { deep: true }] },
    subscriptions: [
      {
        name: 'default-voice-stream',
        events: ['voice:call:start', 'voice:call:end'],
        subscriptionUnknown: 42,
        filterCriteria: {
          criteriaUnknown: 'keep me',
          attributes: [
            { key: 'interaction.direction', matchType: 'exact', values: ['inbound'], attributeUnknown: { x: 1 } },
            { key: 'interaction.routing.queue.name', matchType: 'regex', values: ['^Old$'], caseSensitive: false },
          ],
          operator: 'AND',
        },
        trailing: 'after filterCriteria',
      },
      { name: 'bare', events: ['chat:start'] },
    ],
    version: 7,
  };
}

/** The attribute filters of one subscription (by index) of a document. */
export function attributesOf(doc: JsonObject, subscription = 0): JsonObject[] {
  const subs = doc.subscriptions as JsonObject[];
  return (subs[subscription].filterCriteria as JsonObject).attributes as JsonObject[];
}
