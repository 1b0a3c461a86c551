import * as vscode from 'vscode';
import type { ServiceHost } from '../serviceHost';

/**
 * `genesysCloud.signOut`: deletes the active profile's secret (and the profile), drops the client with
 * its cached token, and leaves the extension signed out until the user signs in or switches profile.
 * The Environment profile has no stored secret: signing out of it only stops using it.
 */
export function signOutCommand(host: ServiceHost) {
  return async (): Promise<void> => {
    const profile = host.session.activeProfile() ?? host.profiles.active();
    if (profile) {
      await host.profiles.remove(profile.id);
    }
    await host.profiles.setActive(undefined);
    await host.session.reload();
    if (profile) {
      host.log.info(`Signed out of profile "${profile.name}".`);
      void vscode.window.setStatusBarMessage(`Signed out of Genesys Cloud profile "${profile.name}"`, 4000);
    }
  };
}
