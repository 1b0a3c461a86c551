import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ENVIRONMENT_PROFILE_ID, type Profile, type StoredProfile } from './profile';
import { credentialsFromEnv } from '../../genesys/credentials';

const INDEX_KEY = 'genesysCloud.profiles';
const ACTIVE_KEY = 'genesysCloud.activeProfile';
/** Stored as the active id after Sign Out, so the Environment profile does not silently sign the user back in. */
const SIGNED_OUT = '<signed-out>';
const SECRET_PREFIX = 'genesysCloud.clientSecret.';

/**
 * Profiles: name, environment and client id in globalState (an index of ids, because
 * SecretStorage.keys() only exists from VS Code 1.105), the client secret in SecretStorage under
 * one key per profile id.
 */
export class ProfileStore {
  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Stored profiles first (in creation order), then the Environment profile when its variables are set. */
  list(): Profile[] {
    const stored = this.storedProfiles().map((p): Profile => ({ ...p, source: 'stored' }));
    const fromEnv = this.environmentProfile();
    return fromEnv ? [...stored, fromEnv] : stored;
  }

  get(id: string): Profile | undefined {
    return this.list().find((p) => p.id === id);
  }

  /**
   * The explicitly chosen profile; else the first stored one; else the Environment profile
   * ("used when no other profile exists"); undefined after Sign Out until the user picks one.
   */
  active(): Profile | undefined {
    const chosen = this.state.get<string>(ACTIVE_KEY);
    if (chosen === SIGNED_OUT) {
      return undefined;
    }
    const profiles = this.list();
    return profiles.find((p) => p.id === chosen) ?? profiles[0];
  }

  async setActive(id: string | undefined): Promise<void> {
    await this.state.update(ACTIVE_KEY, id ?? SIGNED_OUT);
  }

  async secretOf(profile: Profile): Promise<string | undefined> {
    if (profile.source === 'environment') {
      // Read at use time from the process environment, never copied into storage.
      return credentialsFromEnv(this.env).credentials?.clientSecret;
    }
    return this.secrets.get(secretKey(profile.id));
  }

  /** Saves a profile whose credentials were already checked. A profile with the same name is replaced. */
  async add(profile: Omit<StoredProfile, 'id'>, clientSecret: string): Promise<Profile> {
    const existing = this.storedProfiles().find((p) => p.name === profile.name);
    const id = existing?.id ?? randomUUID();
    // The secret first: a crash in between leaves an orphan secret, never a profile without one.
    await this.secrets.store(secretKey(id), clientSecret);
    const others = this.storedProfiles().filter((p) => p.id !== id);
    const stored: StoredProfile = {
      id,
      name: profile.name,
      environment: profile.environment,
      clientId: profile.clientId,
    };
    await this.state.update(INDEX_KEY, [...others, stored]);
    return { ...stored, source: 'stored' };
  }

  /** Deletes a stored profile and its secret. The Environment profile cannot be deleted (it lives in process.env). */
  async remove(id: string): Promise<void> {
    if (id === ENVIRONMENT_PROFILE_ID) {
      return;
    }
    await this.secrets.delete(secretKey(id));
    await this.state.update(
      INDEX_KEY,
      this.storedProfiles().filter((p) => p.id !== id),
    );
  }

  /** The profile id a SecretStorage key belongs to, if it is one of ours. */
  static profileIdOfSecretKey(key: string): string | undefined {
    return key.startsWith(SECRET_PREFIX) ? key.slice(SECRET_PREFIX.length) : undefined;
  }

  /** The Go tutorial's variables; when all three are set the "Environment" profile exists. */
  private environmentProfile(): Profile | undefined {
    const { credentials } = credentialsFromEnv(this.env);
    if (!credentials) return undefined;
    const { environment, clientId } = credentials;
    return {
      id: ENVIRONMENT_PROFILE_ID,
      name: vscode.l10n.t('Environment'),
      environment,
      clientId,
      source: 'environment',
    };
  }

  private storedProfiles(): StoredProfile[] {
    const raw = this.state.get<unknown>(INDEX_KEY);
    return Array.isArray(raw) ? raw.filter(isStoredProfile) : [];
  }
}

function secretKey(profileId: string): string {
  return SECRET_PREFIX + profileId;
}

function isStoredProfile(value: unknown): value is StoredProfile {
  const p = value as Partial<StoredProfile> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.id === 'string' &&
    typeof p.name === 'string' &&
    typeof p.environment === 'string' &&
    typeof p.clientId === 'string'
  );
}
