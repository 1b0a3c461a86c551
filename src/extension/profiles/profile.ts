/** What is kept in globalState for a profile. The client secret is never part of it. */
export interface StoredProfile {
  id: string;
  name: string;
  /** What the user chose: a region domain (e.g. "mypurecloud.ie") or a custom URL; resolved with resolveEnvironment. */
  environment: string;
  clientId: string;
}

export interface Profile extends StoredProfile {
  /** 'environment' = from GENESYS_ENV/GENESYS_CLIENT_ID/GENESYS_CLIENT_SECRET; its secret lives only in process.env. */
  source: 'stored' | 'environment';
}

export const ENVIRONMENT_PROFILE_ID = 'environment';
