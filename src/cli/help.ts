/** Help texts; the README's CLI reference is generated from the same words, so keep them in sync. */

const ENVIRONMENT = `Environment:
  GENESYS_ENV            region (us-east-1), domain (mypurecloud.com, usw2.pure.cloud) or http(s)://host:port
  GENESYS_CLIENT_ID      OAuth client id (client-credentials grant)
  GENESYS_CLIENT_SECRET  OAuth client secret (never printed)`;

export const EXIT_CODES = `Exit codes:
  0  success
  1  unexpected error
  2  usage error or invalid input (flags, key, values, pattern, topic; nothing is sent) or HTTP 400 from the server
  3  integration, subscription, filter or topic not found (the ones that exist are listed)
  4  authentication failed or permission missing
  5  gave up after retries (rate limited, server error, network, timeout)
  6  conflict: the config kept changing underneath (version mismatch after re-reads)
  7  plan --detailed-exitcode: the org differs from the file
  130  interrupted (Ctrl+C)`;

const FILTERS_FILE = `The filters file (default eventbridge-filters.json, JSONC: comments allowed) says what some integrations
should have; only what it names is managed:
  { "integrations": [ { "name": "…" or "id": "…",
                        "topicFilters": ["v2.detail.events.conversation.{id}.customer.start"],
                        "subscriptions": [ { "name": "default-voice-stream",
                            "filters": [ { "key": "interaction.routing.queue.name", "matchType": "regex",
                                           "values": ["^Premium.*$"] } ] } ] } ] }
An invalid file stops before any request, with FILE:LINE:COLUMN: error: … for each problem.`;

export const HELP: Record<string, string> = {
  main: `eventbridge-filter — source-side filters for Genesys Cloud EventBridge integrations

Usage:
  eventbridge-filter [apply] --integration-id ID --subscription-name NAME --attribute-key KEY --regex PATTERN
  eventbridge-filter [apply] ... --match-type exact --value V [--value V ...]
  eventbridge-filter [apply] ... --match-type exists|notexists
  eventbridge-filter remove --integration-id ID --subscription-name NAME --attribute-key KEY
  eventbridge-filter show --integration-id ID
  eventbridge-filter list
  eventbridge-filter validate --regex PATTERN | --patterns FILE
  eventbridge-filter topics list|add|remove --integration-id ID [--topic T ...]
  eventbridge-filter test --events FILE [--events FILE ...] [--topic-filter T ... | --integration-id ID
                          [--subscription-name NAME]] [--attribute-key KEY (--regex P | --match-type ...)]
  eventbridge-filter tap --integration-id ID --topic TOPIC [--topic ...] --out FILE.jsonl
  eventbridge-filter export [--integration-id ID ...] [--file F] [--force]
  eventbridge-filter plan [--file F] [--json] [--detailed-exitcode]
  eventbridge-filter apply [--file F] [--yes] [--json]

Run "eventbridge-filter <command> --help" for a command's options.
Every command accepts --json (machine-readable result on stdout) and --help.

${ENVIRONMENT}

${EXIT_CODES}
`,
  apply: `eventbridge-filter [apply] — set an attribute filter on one subscription (the default command),
or apply a filters file

Usage:
  eventbridge-filter apply [--file F] [--yes] [--json]
  eventbridge-filter [apply] --integration-id ID --subscription-name NAME --attribute-key KEY --regex PATTERN
  eventbridge-filter [apply] --integration-id ID --subscription-name NAME --attribute-key KEY --match-type exact --value V [--value V ...]
  eventbridge-filter [apply] --integration-id ID --subscription-name NAME --attribute-key KEY --match-type exists|notexists

Options:
  --integration-id ID       EventBridge integration id
  --subscription-name NAME  subscription inside the integration
  --attribute-key KEY       dotted event attribute path, e.g. interaction.routing.queue.name
  --regex PATTERN           regex filter (implies --match-type regex); validated locally first
                            (a pattern starting with "-" is written --regex=-PATTERN)
  --match-type TYPE         regex | exact | exists | notexists (default: regex)
  --value V                 a value for exact (repeat for several); for regex the pattern
  --allow-pcre2-only        accept lookaround, backreferences… as warnings instead of errors
  --dry-run                 print the before/after diff and write nothing
  --json                    print the result as JSON
  -h, --help                show this help

A filter with the same key is replaced in place, otherwise it is appended. Every other field of the
integration is sent back unchanged. Costs one token request, one GET and one PUT.

With no one-filter flags, apply works on a filters file: it plans (as "plan" does), asks on a terminal
(--yes skips the question; without a terminal, --yes is required), then writes each changed integration:
its config with the version the plan read, its EventBridge document re-read just before the PUT, so a
change made since the plan is kept. Applying twice writes nothing the second time. One integration failing
does not stop the others; the exit code is the most severe outcome.
  --file F, -f F            the filters file (default eventbridge-filters.json)
  --yes, -y                 do not ask
  --json                    print { ok, results: [{ integrationId, name, status, … }], summary } on stdout

${FILTERS_FILE}

${ENVIRONMENT}

${EXIT_CODES}
`,
  remove: `eventbridge-filter remove — remove an attribute filter from one subscription

Usage:
  eventbridge-filter remove --integration-id ID --subscription-name NAME --attribute-key KEY [--dry-run] [--json]

Options:
  --integration-id ID       EventBridge integration id
  --subscription-name NAME  subscription inside the integration
  --attribute-key KEY       the filter's attribute key
  --dry-run                 print the before/after diff and write nothing
  --json                    print the result as JSON
  -h, --help                show this help

${EXIT_CODES}
`,
  show: `eventbridge-filter show — show an integration's subscriptions and attribute filters

Usage:
  eventbridge-filter show --integration-id ID [--json]

Options:
  --integration-id ID  EventBridge integration id
  --json               print the integration document exactly as the server sent it
  -h, --help           show this help

${EXIT_CODES}
`,
  list: `eventbridge-filter list — list the org's EventBridge integrations (all pages)

Usage:
  eventbridge-filter list [--json]

Options:
  --json      print id, name, intendedState and reportedState as JSON
  -h, --help  show this help

${EXIT_CODES}
`,
  validate: `eventbridge-filter validate — check patterns locally (offline, no credentials needed)

Usage:
  eventbridge-filter validate --regex PATTERN [--allow-pcre2-only] [--json]
  eventbridge-filter validate --patterns FILE [--allow-pcre2-only] [--json]

Options:
  --regex PATTERN       the pattern to check (RE2 syntax; PCRE2-only constructs are named)
  --patterns FILE       check every line of FILE, each one JSON string, e.g. "^Premium\\\\.(gold|silver)$"
                        (not together with --regex)
  --allow-pcre2-only    report PCRE2-only constructs as warnings instead of errors
  --json                --regex: print { valid, diagnostics: [{ code, message, severity, start, end }] }
                        --patterns: print one object per line of FILE, in order:
                        { pattern, valid, diagnostics: [{ severity, message, start, end, code }], line }
                        (pattern is null for a line that is not a JSON string)
  -h, --help            show this help

--patterns prints one line per pattern (valid or invalid, with the first error and its position) and a
summary. A line that is not a JSON string is reported as FILE:LINE with the parser's message, a pattern
too complex to validate safely as such; neither stops the rest. One worker checks them all.

Exit code 0 when every pattern is valid (warnings allowed), 2 when not (or a line is not a JSON string).
`,
  test: `eventbridge-filter test — what filters keep and drop of events in files, before they go live (writes nothing)

Usage:
  eventbridge-filter test --events FILE [--events FILE ...]
      [--topic-filter TOPIC ...]                              offline: no org, no credentials needed
      [--integration-id ID [--subscription-name NAME]]        the org's topic filter and that subscription's filters
      [--attribute-key KEY (--regex P | --match-type exact --value V [--value V ...] | --match-type exists|notexists)]
      [--json]

Options:
  --events FILE            .json (one event or an array) or .jsonl/.ndjson (one event per line, streamed); repeatable,
                           events are numbered from 0 across files
  --topic-filter TOPIC     a topic-filter entry, e.g. v2.users.{id}.presence (repeatable)
  --integration-id ID      use the integration's topic filter (config/current; works on every org)
  --subscription-name NAME use that subscription's attribute filters too (the tutorial's endpoint)
  --attribute-key KEY      a draft filter, applied as "apply" would: it replaces the filter on KEY or is appended
  --regex P | --match-type exact|exists|notexists [--value V ...]   the draft's match (as for apply)
  --json                   one JSON object on stdout: total, kept, dropped, invalid, warnings, events[], before{}
  -h, --help               show this help

An event is an EventBridge event (detail.eventBody, detail.topicName), a Notifications message (eventBody,
topicName, what "tap" records) or a plain body without topic. It is kept when its topic matches an entry of the
topic filter segment by segment ({id} = any one segment; an empty filter passes every topic) and every attribute
filter matches: a dotted key walked into every array element; regex = RE2, unanchored; exact = equal text
(numbers and booleans as JSON text); exists/notexists. Unknown filter fields are warned about and ignored.
Exit code 2 when a file, line or pattern cannot be used (the other events are still counted).

${EXIT_CODES}
`,
  tap: `eventbridge-filter tap — record live events of an org (Notifications API) into a file "test" reads

Usage:
  eventbridge-filter tap --integration-id ID --topic TOPIC [--topic ...] [--duration SECONDS] [--max-events N]
                         --out FILE.jsonl [--json]
  eventbridge-filter tap --integration-id ID       which of the integration's topics can be tapped, which ids they need

Options:
  --integration-id ID  EventBridge integration id (its topic filter and the topic catalogue are checked)
  --topic TOPIC        a concrete topic, every {id} replaced, e.g. v2.users.<userId>.presence (repeatable, ≤ 1,000)
  --duration SECONDS   stop after this long (default ${60}; at most 86400, a channel's life)
  --max-events N       stop after N events
  --out FILE.jsonl     where to write, one Notifications message per line (never overwrites an existing file)
  --json               print the result as JSON
  -h, --help           show this help

Only topics whose transports include WebSocket can be tapped (some are EventBridge-only). Heartbeats are skipped,
a dropped connection is reconnected once, and the channel's subscriptions are removed at the end, also on Ctrl+C
(exit 130, the events recorded so far are kept). At most 20 channels per OAuth client: tap refuses a 21st.

${ENVIRONMENT}

${EXIT_CODES}
`,
  export: `eventbridge-filter export — write a filters file from the live org

Usage:
  eventbridge-filter export [--integration-id ID ...] [--file F] [--force] [--json]

Options:
  --integration-id ID  only this integration (repeatable; default: every EventBridge integration)
  --file F, -f F       where to write (default eventbridge-filters.json; - for stdout)
  --force              replace an existing file (its comments are lost)
  --json               print { ok, file, integrations, withSubscriptions } as JSON
  -h, --help           show this help

Each integration is written with its id, name and topic filters, and its subscriptions' filters where the
subscription-filter endpoint answers (not on real orgs today: "subscriptions" is then left out, i.e. not
managed). "plan" right after shows no changes. Requests run concurrently, paced to the rate limit.

${EXIT_CODES}
`,
  plan: `eventbridge-filter plan — what "apply" would change to make the org match a filters file (only reads)

Usage:
  eventbridge-filter plan [--file F] [--json] [--detailed-exitcode]

Options:
  --file F, -f F        the filters file (default eventbridge-filters.json)
  --json                print on stdout only: { "changes": [ { "integrationId", "name",
                        "topicFilters": { "add", "remove" }, "subscriptions": [ { "name",
                        "filters": { "add", "remove", "change" } } ] } ],
                        "summary": { "integrations", "changed", "unchanged" } }
                        (and "errors" when an entry could not be planned)
  --detailed-exitcode   exit 7 when there are changes (the drift check for CI), 0 when none
  --allow-pcre2-only    accept PCRE2-only constructs in patterns as warnings
  -h, --help            show this help

Per changed integration: a line per part (+ added, ~ changed, - removed) and the unified diff of each
document. Semantics: topicFilters is the wanted set (order alone is no change); a subscription's filters
are matched by key (equal ones untouched, others replaced in place, missing keys removed, new ones
appended); subscriptions must exist; an integration name must match exactly one integration.

${FILTERS_FILE}

${EXIT_CODES}
`,
  topics: `eventbridge-filter topics — topic filters (properties.eventFilter of the integration config; works on every org)

Usage:
  eventbridge-filter topics list   --integration-id ID [--json]
  eventbridge-filter topics add    --integration-id ID --topic T [--topic T ...] [--dry-run] [--json]
  eventbridge-filter topics remove --integration-id ID --topic T [--topic T ...] [--dry-run] [--json]

Options:
  --integration-id ID  EventBridge integration id
  --topic T            topic name, e.g. v2.detail.events.conversation.{id}.customer.start (repeatable)
  --dry-run            print the before/after diff of the config and write nothing
  --json               print the result as JSON
  -h, --help           show this help

Writes send the config version that was read; when someone else changed the config in between,
the change is re-read and re-applied (a few times at most, then exit code 6).

${EXIT_CODES}
`,
};
