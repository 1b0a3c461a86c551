import * as vscode from 'vscode';
import type { SignInRequest } from '../profiles/signIn';
import { signIn } from '../profiles/signInWizard';
import { FlowArgumentError } from '../flows/args';
import type { CommandContext } from './commandContext';

/**
 * `genesysCloud.signIn`: the Sign In steps; `{ environment, clientId, clientSecret, name? }` (keybindings, tasks,
 * tests) skip the questions they answer. Returns the profile (id and name, never the secret).
 */
export function signInCommand(ctx: CommandContext) {
  return async (arg?: unknown): Promise<{ id: string; name: string }> => {
    const profile = await signIn(ctx, readSignInArgs(arg));
    void vscode.window.setStatusBarMessage(
      `$(cloud) ${vscode.l10n.t('Signed in to Genesys Cloud as "{0}"', profile.name)}`,
      4000,
    );
    return { id: profile.id, name: profile.name };
  };
}

function readSignInArgs(arg: unknown): Partial<SignInRequest> {
  if (arg === undefined || arg === null) return {};
  if (typeof arg !== 'object' || Array.isArray(arg)) {
    throw new FlowArgumentError(
      vscode.l10n.t('Sign In arguments must be an object such as {0}.', '{"environment":"us-east-1",…}'),
    );
  }
  const args: Partial<SignInRequest> = {};
  for (const field of ['environment', 'clientId', 'clientSecret', 'name'] as const) {
    const value = (arg as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new FlowArgumentError(vscode.l10n.t('Sign In argument "{0}" must be a non-empty string.', field));
    }
    args[field] = value;
  }
  return args;
}
