import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

/**
 * `genesysCloud.signOut`: deletes the active profile's secret (and the profile), drops the client with its cached
 * token, and leaves the extension signed out until the user signs in or switches profile. The Environment profile
 * has no stored secret: signing out of it only stops using it.
 */
export function signOutCommand(ctx: CommandContext) {
  return async (): Promise<void> => {
    const { profiles, session, log } = ctx.host;
    const profile = session.activeProfile() ?? profiles.active();
    if (profile) await profiles.remove(profile.id);
    await profiles.setActive(undefined);
    await session.reload();
    if (profile) {
      log.info(`Signed out of profile "${profile.name}".`);
      void vscode.window.setStatusBarMessage(
        vscode.l10n.t('Signed out of Genesys Cloud profile "{0}"', profile.name),
        4000,
      );
    }
  };
}
