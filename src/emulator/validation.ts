import { isJsonObject } from '../common/json';
import { pcre2ToJavaScriptSyntax } from './pcre2Syntax';

/** A rejected write: the message the 400 body carries, and the field it is about. */
export interface ValidationProblem {
  message: string;
  field: string;
}

const MATCH_TYPES = ['exact', 'regex', 'exists', 'notexists'];

/**
 * Checks a PUT body of the subscription-filter endpoint the way the tutorial says the platform does. Anything it does
 * not mention is accepted and stored as sent (unknown fields are the client's business).
 */
export function validateEventBridgeDocument(doc: unknown, pathId: string): ValidationProblem | undefined {
  if (!isJsonObject(doc)) return { field: 'body', message: 'The request body must be a JSON object.' };
  if (doc.id !== undefined && doc.id !== pathId) {
    return {
      field: 'id',
      message: `The id in the body (${JSON.stringify(doc.id)}) does not match the integration id in the path (${pathId}).`,
    };
  }
  for (const field of ['awsAccount', 'awsRegion', 'roleArn']) {
    const value = doc[field];
    if (typeof value !== 'string' || value.trim().length === 0) {
      return { field, message: `${field} is required and must be a non-empty string.` };
    }
  }
  if (!Array.isArray(doc.subscriptions)) {
    return { field: 'subscriptions', message: 'subscriptions is required and must be an array.' };
  }
  const names = new Set<string>();
  for (const [i, sub] of doc.subscriptions.entries()) {
    const at = `subscriptions[${i}]`;
    if (!isJsonObject(sub)) return { field: at, message: `${at} must be an object.` };
    if (typeof sub.name !== 'string' || sub.name.length === 0) {
      return { field: `${at}.name`, message: `${at}.name is required and must be a non-empty string.` };
    }
    if (names.has(sub.name)) {
      return { field: `${at}.name`, message: `Subscription name "${sub.name}" is used more than once.` };
    }
    names.add(sub.name);
    if (sub.events !== undefined && (!Array.isArray(sub.events) || sub.events.some((e) => typeof e !== 'string'))) {
      return { field: `${at}.events`, message: `${at}.events must be an array of strings.` };
    }
    if (sub.filterCriteria === undefined || sub.filterCriteria === null) continue;
    if (!isJsonObject(sub.filterCriteria)) {
      return { field: `${at}.filterCriteria`, message: `${at}.filterCriteria must be an object.` };
    }
    const attributes = sub.filterCriteria.attributes;
    if (attributes === undefined) continue;
    if (!Array.isArray(attributes)) {
      return { field: `${at}.filterCriteria.attributes`, message: `${at}.filterCriteria.attributes must be an array.` };
    }
    const keys = new Set<string>();
    for (const [j, attr] of attributes.entries()) {
      const problem = validateAttribute(attr, `${at}.filterCriteria.attributes[${j}]`, keys);
      if (problem) return problem;
    }
  }
  return undefined;
}

function validateAttribute(attr: unknown, at: string, keys: Set<string>): ValidationProblem | undefined {
  if (!isJsonObject(attr)) return { field: at, message: `${at} must be an object.` };
  if (typeof attr.key !== 'string' || attr.key.length === 0) {
    return { field: `${at}.key`, message: `${at}.key is required and must be a non-empty string.` };
  }
  if (keys.has(attr.key)) {
    return {
      field: `${at}.key`,
      message: `Attribute key "${attr.key}" has more than one filter in this subscription.`,
    };
  }
  keys.add(attr.key);
  if (typeof attr.matchType !== 'string' || !MATCH_TYPES.includes(attr.matchType)) {
    return {
      field: `${at}.matchType`,
      message: `${at}.matchType ${JSON.stringify(attr.matchType)} is not one of ${MATCH_TYPES.join(', ')}.`,
    };
  }
  const values = attr.values ?? [];
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
    return { field: `${at}.values`, message: `${at}.values must be an array of strings.` };
  }
  switch (attr.matchType) {
    case 'regex': {
      if (values.length !== 1) {
        return {
          field: `${at}.values`,
          message: `${at}: matchType regex needs exactly one pattern in values (got ${values.length}).`,
        };
      }
      const problem = regexProblem(values[0] as string);
      if (problem) {
        return { field: `${at}.values[0]`, message: `${at}.values[0] is not a valid regular expression: ${problem}` };
      }
      return undefined;
    }
    case 'exact':
      if (values.length === 0) {
        return { field: `${at}.values`, message: `${at}: matchType exact needs at least one value.` };
      }
      return undefined;
    default:
      if (values.length !== 0) {
        return {
          field: `${at}.values`,
          message: `${at}: matchType ${attr.matchType} takes no values (got ${values.length}).`,
        };
      }
      return undefined;
  }
}

/**
 * The platform compiles filter patterns with PCRE2. JavaScript's engine (with the `u` flag) is only an
 * approximation: it accepts lookbehind and backreferences like PCRE2, and pcre2ToJavaScriptSyntax rewrites the
 * PCRE2 syntax it lacks (inline flags such as `(?i)`, `(?P<name>`, `\Q…\E`, possessive quantifiers, atomic
 * groups, POSIX classes) first. Good enough to exercise the 400 path; not an oracle for PCRE2.
 * The message quotes the user's pattern, never the rewritten one.
 */
function regexProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return 'the pattern is empty';
  try {
    new RegExp(pcre2ToJavaScriptSyntax(pattern), 'u');
    return undefined;
  } catch (err) {
    const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/u: /s, '');
    return `${reason} in ${JSON.stringify(pattern)}`;
  }
}

const EVENT_SOURCE_SUFFIX = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Checks a config PUT body (the version is checked by the caller, because a stale version is a 409,
 * not a 400). EventBridge properties are checked only for integrations of that type.
 */
export function validateConfig(body: unknown, isEventBridge: boolean): ValidationProblem | undefined {
  if (!isJsonObject(body)) return { field: 'body', message: 'The request body must be a JSON object.' };
  if (body.version === undefined || body.version === null) return { field: 'version', message: 'version is required.' };
  if (!Number.isInteger(body.version)) return { field: 'version', message: 'version must be an integer.' };
  if (body.name !== undefined && typeof body.name !== 'string') {
    return { field: 'name', message: 'name must be a string.' };
  }
  if (body.properties !== undefined && !isJsonObject(body.properties)) {
    return { field: 'properties', message: 'properties must be an object.' };
  }
  if (body.advanced !== undefined && !isJsonObject(body.advanced)) {
    return { field: 'advanced', message: 'advanced must be an object.' };
  }
  if (!isEventBridge || !isJsonObject(body.properties)) return undefined;
  const props = body.properties;
  const filter = props.eventFilter;
  if (filter !== undefined) {
    if (!Array.isArray(filter) || filter.some((t) => typeof t !== 'string')) {
      return { field: 'properties.eventFilter', message: 'properties.eventFilter must be an array of strings.' };
    }
    const seen = new Set<string>();
    for (const topic of filter as string[]) {
      if (topic.trim().length === 0 || /\s/.test(topic)) {
        return {
          field: 'properties.eventFilter',
          message: `properties.eventFilter contains an invalid topic name "${topic}".`,
        };
      }
      if (seen.has(topic)) {
        return { field: 'properties.eventFilter', message: `properties.eventFilter lists "${topic}" more than once.` };
      }
      seen.add(topic);
    }
  }
  if (
    props.awsAccountId !== undefined &&
    (typeof props.awsAccountId !== 'string' || !/^\d{12}$/.test(props.awsAccountId))
  ) {
    return { field: 'properties.awsAccountId', message: 'properties.awsAccountId must be a 12-digit AWS account id.' };
  }
  if (
    props.awsAccountRegion !== undefined &&
    (typeof props.awsAccountRegion !== 'string' || props.awsAccountRegion.length === 0)
  ) {
    return { field: 'properties.awsAccountRegion', message: 'properties.awsAccountRegion must be a non-empty string.' };
  }
  if (
    props.eventSourceSuffix !== undefined &&
    (typeof props.eventSourceSuffix !== 'string' || !EVENT_SOURCE_SUFFIX.test(props.eventSourceSuffix))
  ) {
    return {
      field: 'properties.eventSourceSuffix',
      message: 'properties.eventSourceSuffix must be 1–64 characters of A–Z, a–z, 0–9, ".", "_" or "-".',
    };
  }
  return undefined;
}
