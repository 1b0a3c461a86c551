import { parseArgs } from 'node:util';
import { parseRateLimitFlag } from './rateLimit';
import { defaultSeed } from './seed';
import { startEmulator, type EmulatorOptions } from './server';

const USAGE = `Usage: node dist/emulator.js [options]

A local Genesys Cloud emulator (OAuth client credentials, integrations, EventBridge seed endpoint,
config/current, availabletopics, fault injection). Listens on 127.0.0.1 only.

Options:
  --port N             port to listen on; 0 = any free port (default 0)
  --seed FILE          JSON seed file shaped like the default seed (EmulatorSeed)
  --client-id ID       OAuth client id to accept (default emulator-client)
  --client-secret S    OAuth client secret to accept (default emulator-secret)
  --token-lifetime S   access token lifetime in seconds (default 86400)
  --org-id ID          organization id served by /api/v2/organizations/me
  --rate-limit N[/S]   enforce N requests per S seconds (default 60) per token: 429 + Retry-After beyond it
                       (default: the headers report 300/60 and nothing is refused)
  --latency MS         wait MS milliseconds before every answer (default 0)
  --quiet              do not print a line per request
  --print-seed         print the default seed (a starting point for --seed files) and exit
  -h, --help           show this help

Limits at run time: GET/PUT /__emulator/limits {"rateLimit": {"allowed": N, "windowSeconds": S} | null, "latencyMs": MS}

Fault rules (a seed file's "faults" array, or POST /__emulator/faults at run time):
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

function parseOptions(argv: string[]): EmulatorOptions | 'help' | 'print-seed' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'token-lifetime': { type: 'string' },
        'org-id': { type: 'string' },
        'rate-limit': { type: 'string' },
        latency: { type: 'string' },
        quiet: { type: 'boolean' },
        'print-seed': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v['print-seed']) return 'print-seed';
  return {
    port: parseNumber('port', v.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'an integer from 0 to 65535'),
    seedFile: v.seed,
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
  };
}

function rateLimitOption(value: string | undefined) {
  if (value === undefined) return undefined;
  const settings = parseRateLimitFlag(value);
  if (!settings) throw new UsageError(`--rate-limit must be N or N/SECONDS, e.g. 300/60 (got "${value}")`);
  return settings;
}

async function main(): Promise<void> {
  let options: EmulatorOptions | 'help' | 'print-seed';
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
  if (options === 'print-seed') {
    process.stdout.write(`${JSON.stringify(defaultSeed(), null, 2)}\n`);
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
