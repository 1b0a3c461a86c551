import { GenesysClient } from '../genesys/client';
import { credentialsFromEnv, type ClientCredentials } from '../genesys/credentials';
import { describeRetryNotice } from '../genesys/retryNotice';
import { CliError } from './cliErrors';
import { ExitCode } from './exitCodes';
import type { CliIo, Output } from './output';

/** The tutorial's GENESYS_* variables; exit code 2 with what is missing and how to set it. */
export function readCredentials(env: CliIo['env']): ClientCredentials {
  const { credentials, missing } = credentialsFromEnv(env);
  if (credentials) return credentials;
  throw new CliError(
    `Missing environment variable${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`,
    ExitCode.invalidInput,
    {
      hint:
        'Set GENESYS_ENV (a region such as us-east-1, a domain such as mypurecloud.com, or an http(s)://host:port ' +
        'origin), GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET (an OAuth client-credentials grant).',
    },
  );
}

/** One client for the whole run; retry notices go to stderr so the user knows why it is waiting. */
export function createClient(credentials: ClientCredentials, output: Output): GenesysClient {
  output.protectSecret(credentials.clientSecret);
  return new GenesysClient({
    ...credentials,
    onRetry: (notice) => output.err(describeRetryNotice(notice)),
    // A CLI run makes a handful of requests and exits: Node's own HTTP stack, undici only through a proxy.
    httpStack: 'node',
  });
}
