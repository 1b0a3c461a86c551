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
