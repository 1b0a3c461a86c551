import { ENVIRONMENT_PROFILE_ID, type Profile } from './profile';

/** The variables the seed program used; when all three are set the "Environment" profile exists. */
export function environmentProfile(env: NodeJS.ProcessEnv = process.env): Profile | undefined {
  const environment = env.GENESYS_ENV?.trim();
  const clientId = env.GENESYS_CLIENT_ID?.trim();
  if (!environment || !clientId || !env.GENESYS_CLIENT_SECRET) {
    return undefined;
  }
  return { id: ENVIRONMENT_PROFILE_ID, name: 'Environment', environment, clientId, source: 'environment' };
}

/** Read at use time, never copied into storage. */
export function environmentSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.GENESYS_CLIENT_SECRET || undefined;
}
