import { parseArgs } from 'node:util';
import { defaultOrgData } from './defaultOrgData';
import { parseRateLimitFlag } from './rateLimit';
import { startEmulator, type EmulatorOptions } from './server';

const USAGE = `Usage: node dist/emulator.js [options]

A local Genesys Cloud emulator (OAuth client credentials, integrations, EventBridge subscription-filter endpoint,
config/current, availabletopics, notification channels with a WebSocket, fault injection). Listens on 127.0.0.1 only.

Options:
  --port N             port to listen on; 0 = any free port (default 0)
  --data FILE          JSON data file shaped like the built-in org data (EmulatorOrgData)
  --client-id ID       OAuth client id to accept (default emulator-client)
  --client-secret S    OAuth client secret to accept (default emulator-secret)
  --token-lifetime S   access token lifetime in seconds (default 86400)
  --org-id ID          organization id served by /api/v2/organizations/me
  --event-rate N       events per second on each notification channel (default 5)
  --heartbeat-seconds S  seconds between channel.metadata heartbeats (default 30)
  --rate-limit N[/S]   enforce N requests per S seconds (default 60) per token: 429 + Retry-After beyond it
                       (default: the headers report 300/60 and nothing is refused)
  --latency MS         wait MS milliseconds before every answer (default 0)
  --quiet              do not print a line per request
  --print-data         print the built-in org data (a starting point for --data files) and exit
  -h, --help           show this help

Limits at run time: GET/PUT /__emulator/limits {"rateLimit": {"allowed": N, "windowSeconds": S} | null, "latencyMs": MS}

Fault rules (a data file's "faults" array, or POST /__emulator/faults at run time):
  {"method"?, "path"? (substring, or /regex/flags), "status"?, "retryAfter"?, "body"?, "delayMs"?,
   "drop"?, "expireTokens"? (invalidate every issued token first), "times"? (default 1)}
`;

class UsageError extends Error {}

function parseNumber(
  flag: string,
  value: string | undefined,
  check: (n: number) => boolean,
  expectation: string,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`--${flag} must be ${expectation} (got "${value}")`);
  }
  return n;
}

function seconds(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 1000);
}

function parseOptions(argv: string[]): EmulatorOptions | 'help' | 'print-data' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'token-lifetime': { type: 'string' },
        'org-id': { type: 'string' },
        'rate-limit': { type: 'string' },
        latency: { type: 'string' },
        quiet: { type: 'boolean' },
        'event-rate': { type: 'string' },
        'heartbeat-seconds': { type: 'string' },
        'print-data': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v['print-data']) return 'print-data';
  return {
    port: parseNumber('port', v.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'an integer from 0 to 65535'),
    dataFile: v.data,
    clientId: v['client-id'],
    clientSecret: v['client-secret'],
    tokenLifetimeSeconds: parseNumber(
      'token-lifetime',
      v['token-lifetime'],
      (n) => Number.isInteger(n) && n > 0,
      'a whole number of seconds > 0',
    ),
    orgId: v['org-id'],
    rateLimit: rateLimitOption(v['rate-limit']),
    latencyMs: parseNumber('latency', v.latency, (n) => n >= 0 && n <= 60_000, 'milliseconds from 0 to 60000'),
    quiet: v.quiet ?? false,
    eventsPerSecond: parseNumber(
      'event-rate',
      v['event-rate'],
      (n) => n >= 0 && n <= 10_000,
      'a number from 0 to 10000',
    ),
    heartbeatMs: seconds(
      parseNumber('heartbeat-seconds', v['heartbeat-seconds'], (n) => n >= 0.01, 'a number of seconds ≥ 0.01'),
    ),
  };
}

function rateLimitOption(value: string | undefined) {
  if (value === undefined) return undefined;
  const settings = parseRateLimitFlag(value);
  if (!settings) throw new UsageError(`--rate-limit must be N or N/SECONDS, e.g. 300/60 (got "${value}")`);
  return settings;
}

async function main(): Promise<void> {
  let options: EmulatorOptions | 'help' | 'print-data';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`emulator: ${(err as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (options === 'print-data') {
    process.stdout.write(`${JSON.stringify(defaultOrgData(), null, 2)}\n`);
    return;
  }
  const emulator = await startEmulator(options);
  // Handlers first: a harness may signal as soon as it has read the URL.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (!options.quiet) process.stdout.write(`Received ${signal}, stopping.\n`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The first line is a contract: harnesses read the URL from it.
  process.stdout.write(`Genesys Cloud emulator listening on ${emulator.url}\n`);
  // These are the emulator's own test credentials, printed so that a user can copy them.
  process.stdout.write(
    `Client id: ${emulator.clientId}  client secret: ${emulator.clientSecret}  — try: GENESYS_ENV=${emulator.url} GENESYS_CLIENT_ID=${emulator.clientId} GENESYS_CLIENT_SECRET=${emulator.clientSecret} eventbridge-filter list\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
