import * as vscode from 'vscode';
import type { ServiceHost } from '../serviceHost';
import type { Profile } from '../profiles/profile';
import { checkCredentials, saveAndActivate, type SignInRequest } from '../profiles/signIn';
import { runSignInWizard } from '../profiles/signInWizard';

/**
 * `genesysCloud.signIn`: the multi-step input, or — with `{ environment, clientId, clientSecret, name? }`
 * (keybindings, tasks, tests) — the same token check and store without prompts.
 * Returns the profile (id and name, never the secret).
 */
export function signInCommand(host: ServiceHost) {
  return async (args?: Partial<SignInRequest>): Promise<{ id: string; name: string }> => {
    const profile = isSignInRequest(args)
      ? await signInWithArguments(host, args)
      : await runSignInWizard(host.profiles, host.session);
    void vscode.window.setStatusBarMessage(`$(cloud) Signed in to Genesys Cloud as "${profile.name}"`, 4000);
    return { id: profile.id, name: profile.name };
  };
}

async function signInWithArguments(host: ServiceHost, request: SignInRequest): Promise<Profile> {
  const environment = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Genesys Cloud: checking the client credentials…',
      cancellable: true,
    },
    (_progress, token) => checkCredentials(host.session, request, abortSignalOf(token)),
  );
  return saveAndActivate(host.profiles, host.session, request, environment);
}

function isSignInRequest(args: unknown): args is SignInRequest {
  const a = args as Partial<SignInRequest> | undefined;
  if (typeof a !== 'object' || a === null || !('clientId' in a || 'environment' in a || 'clientSecret' in a)) {
    return false;
  }
  // Partial arguments are a caller's mistake, not a reason to open the prompts.
  for (const field of ['environment', 'clientId', 'clientSecret'] as const) {
    if (typeof a[field] !== 'string' || a[field].trim() === '') {
      throw new Error(`Sign In arguments need a non-empty "${field}".`);
    }
  }
  return true;
}

/** The UI speaks CancellationToken, the client AbortSignal: converted at this boundary. */
export function abortSignalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) {
    controller.abort();
  } else {
    token.onCancellationRequested(() => controller.abort());
  }
  return controller.signal;
}
