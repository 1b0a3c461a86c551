import * as vscode from 'vscode';
import { isGenesysError } from '../../genesys/errors';
import { resolveEnvironment, type GenesysEnvironment } from '../../genesys/regions';
import type { Profile } from './profile';
import type { ProfileStore } from './profileStore';
import type { ClientCredentials } from '../../genesys/credentials';
import type { Session } from './session';

/** What Sign In collects; also the command's argument for keybindings, tasks and tests. */
export interface SignInRequest extends ClientCredentials {
  /** Profile name; defaults to the region's label (or the custom URL's host). */
  name?: string;
}

/**
 * Requests a token with the given credentials through a throwaway client. Nothing is stored;
 * the caller stores the profile only when this resolved.
 */
export async function checkCredentials(
  session: Session,
  credentials: ClientCredentials,
  signal?: AbortSignal,
): Promise<GenesysEnvironment> {
  const environment = resolveEnvironment(credentials.environment);
  const client = session.createClient(credentials);
  try {
    await client.authenticate(signal);
    return environment;
  } finally {
    // Its token cache must not outlive the check: the session builds its own client.
    await client.dispose().catch(() => undefined);
  }
}

/** Stores a checked profile (secret in SecretStorage, the rest in globalState) and makes it active. */
export async function saveAndActivate(
  profiles: ProfileStore,
  session: Session,
  request: SignInRequest,
  environment: GenesysEnvironment,
): Promise<Profile> {
  const name = request.name?.trim() || defaultProfileName(environment);
  const profile = await profiles.add(
    { name, environment: request.environment.trim(), clientId: request.clientId.trim() },
    request.clientSecret,
  );
  await profiles.setActive(profile.id);
  await session.reload();
  return profile;
}

export function defaultProfileName(environment: GenesysEnvironment): string {
  if (environment.region) {
    return environment.region.label;
  }
  try {
    return new URL(environment.apiBase).host;
  } catch {
    return environment.label;
  }
}

/**
 * The text under the sign-in box: the client's message (it already names the cause, e.g. invalid_client,
 * and usually what to check) plus where in this wizard to fix it.
 */
export function signInFailureMessage(err: unknown): string {
  const message = (err instanceof Error ? err.message : String(err)).trim();
  if (!isGenesysError(err)) {
    return message;
  }
  const code = err.code && !message.includes(err.code) ? ` (${err.code})` : '';
  const text = `${message}${code}`;
  switch (err.kind) {
    case 'authentication':
    case 'permission':
    case 'invalidRequest':
      return vscode.l10n.t('{0} Correct the secret here, or press Back to change the client id.', text);
    case 'network':
    case 'timeout':
    case 'configuration':
      return vscode.l10n.t(
        '{0} Press Back to change the region or URL; a proxy is taken from the http.proxy setting.',
        withStop(text),
      );
    default:
      return text;
  }
}

function withStop(text: string): string {
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}
