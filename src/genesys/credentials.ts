/**
 * OAuth client credentials, and reading them from the tutorial's environment variables — the one place that
 * does, for the CLI and for the extension's "Environment" profile alike.
 */

export interface ClientCredentials {
  /** A region, a domain or an http(s)://host:port origin, as `resolveEnvironment` accepts it. */
  environment: string;
  clientId: string;
  clientSecret: string;
}

/** The Go tutorial's variables, kept unchanged so its invocation keeps working. */
export const CREDENTIAL_VARIABLES = ['GENESYS_ENV', 'GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET'] as const;

export type CredentialsFromEnv =
  { credentials: ClientCredentials; missing?: undefined } | { credentials?: undefined; missing: string[] };

/**
 * The credentials when all three variables are set (blank counts as unset), else the names that are missing.
 * The environment and client id are trimmed; the secret is used exactly as given.
 */
export function credentialsFromEnv(env: Record<string, string | undefined>): CredentialsFromEnv {
  const missing = CREDENTIAL_VARIABLES.filter((name) => !env[name]?.trim());
  if (missing.length > 0) return { missing };
  return {
    credentials: {
      environment: env.GENESYS_ENV!.trim(),
      clientId: env.GENESYS_CLIENT_ID!.trim(),
      clientSecret: env.GENESYS_CLIENT_SECRET!,
    },
  };
}
