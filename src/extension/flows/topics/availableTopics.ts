/**
 * The org's available notification topics, read once per client (= per signed-in session).
 * A 403 means the OAuth client may not list them; flows then fall back to typing topic names.
 */
import type { AvailableTopic, GenesysClient } from '../../../genesys/client';
import { isGenesysError } from '../../../genesys/errors';

const cache = new WeakMap<GenesysClient, Promise<AvailableTopic[] | undefined>>();

/** undefined when listing topics is not permitted. Other failures are not cached, so a retry can succeed. */
export function availableTopics(client: GenesysClient): Promise<AvailableTopic[] | undefined> {
  let pending = cache.get(client);
  if (!pending) {
    pending = client.listAvailableTopics().then(
      (topics) => [...topics].sort((a, b) => a.id.localeCompare(b.id)),
      (err: unknown) => {
        if (isGenesysError(err) && err.kind === 'permission') return undefined;
        cache.delete(client);
        throw err;
      },
    );
    cache.set(client, pending);
  }
  return pending;
}

/**
 * Tests the validated (RE2) pattern against topic ids with a JavaScript RegExp. The RE2 syntax the
 * validator accepts is a subset JavaScript runs the same way, except a leading `(?i)`-style flag
 * group, which becomes the RegExp's `i` flag.
 */
export function topicMatcher(pattern: string): (topic: string) => boolean {
  const flags = /^\(\?([ims]+)\)/.exec(pattern);
  const body = flags ? pattern.slice(flags[0].length) : pattern;
  const jsFlags = flags ? [...new Set(flags[1])].join('') : '';
  let re: RegExp;
  try {
    re = new RegExp(body, `${jsFlags}u`);
  } catch {
    re = new RegExp(body, jsFlags);
  }
  return (topic) => re.test(topic);
}
