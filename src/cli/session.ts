import { formatSeconds } from '../common/text';
import { GenesysClient, type RetryNotice } from '../genesys/client';
import { CliError } from './cliErrors';
import { ExitCode } from './exitCodes';
import type { CliIo, Output } from './output';

/** The seed's environment variables, kept unchanged so its invocation keeps working. */
export const ENV_VARS = ['GENESYS_ENV', 'GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET'] as const;

export interface Credentials {
  environment: string;
  clientId: string;
  clientSecret: string;
}

export function readCredentials(env: CliIo['env']): Credentials {
  const missing = ENV_VARS.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new CliError(
      `Missing environment variable${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`,
      ExitCode.invalidInput,
      {
        hint: 'Set GENESYS_ENV (a region such as us-east-1, a domain such as mypurecloud.com, or an http(s)://host:port origin), GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET (an OAuth client-credentials grant).',
      },
    );
  }
  return {
    environment: env.GENESYS_ENV!.trim(),
    clientId: env.GENESYS_CLIENT_ID!.trim(),
    clientSecret: env.GENESYS_CLIENT_SECRET!,
  };
}

/** One client for the whole run; retry notices go to stderr so the user knows why it is waiting. */
export function createClient(credentials: Credentials, output: Output): GenesysClient {
  output.protectSecret(credentials.clientSecret);
  return new GenesysClient({
    environment: credentials.environment,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    onRetry: (notice) => output.err(formatRetryNotice(notice)),
  });
}

/** e.g. "Rate limited (429); waiting 2 s before retry 2 of 5" (notice.attempt is the attempt that just failed). */
export function formatRetryNotice(notice: RetryNotice): string {
  const reason = /^429\b/.test(notice.reason) ? 'Rate limited (429)' : notice.reason;
  return `${reason}; waiting ${formatSeconds(notice.waitMs)} before retry ${notice.attempt + 1} of ${notice.maxAttempts}`;
}
