import * as vscode from 'vscode';
import { resolveEnvironment } from '../../genesys/regions';
import type { ServiceHost } from '../serviceHost';
import type { Profile } from '../profiles/profile';

interface ProfileItem extends vscode.QuickPickItem {
  profile?: Profile;
  action?: 'signIn' | 'signOut';
}

/**
 * `genesysCloud.switchProfile`: pick among stored profiles and the Environment profile, or add one.
 * Accepts `{ profileId }` or `{ name }` for keybindings and tests.
 */
export function switchProfileCommand(host: ServiceHost) {
  return async (args?: { profileId?: string; name?: string }): Promise<{ id: string; name: string } | undefined> => {
    const wanted = args?.profileId ?? args?.name;
    if (wanted !== undefined) {
      const profile = host.profiles.list().find((p) => p.id === wanted || p.name === wanted);
      if (!profile) {
        throw new Error(
          `No Genesys Cloud profile "${wanted}". Known: ${
            host.profiles
              .list()
              .map((p) => p.name)
              .join(', ') || 'none'
          }.`,
        );
      }
      return activate(host, profile);
    }
    const active = host.session.activeProfile();
    const items: ProfileItem[] = host.profiles.list().map((profile) => ({
      label: `${profile.id === active?.id ? '$(check)' : '$(blank)'} ${profile.name}`,
      description: `${environmentLabel(profile.environment)} · ${profile.clientId}`,
      detail:
        profile.source === 'environment' ? 'From GENESYS_ENV, GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET' : undefined,
      profile,
    }));
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: '$(sign-in) Sign In with another OAuth client…', action: 'signIn' });
    if (active) {
      items.push({ label: '$(sign-out) Sign Out', description: active.name, action: 'signOut' });
    }
    const chosen = await vscode.window.showQuickPick(items, {
      title: 'Genesys Cloud: Switch Profile',
      placeHolder: 'Profile to use',
    });
    if (!chosen) {
      return undefined;
    }
    if (chosen.action) {
      await vscode.commands.executeCommand(chosen.action === 'signIn' ? 'genesysCloud.signIn' : 'genesysCloud.signOut');
      return undefined;
    }
    return chosen.profile ? activate(host, chosen.profile) : undefined;
  };
}

async function activate(host: ServiceHost, profile: Profile): Promise<{ id: string; name: string }> {
  await host.profiles.setActive(profile.id);
  await host.session.reload();
  if (!host.session.getClient()) {
    throw new Error(`Profile "${profile.name}" has no stored client secret. Sign in again to use it.`);
  }
  return { id: profile.id, name: profile.name };
}

/** "EMEA (Dublin)" for a region, the URL for a custom environment; the raw input if it no longer resolves. */
function environmentLabel(input: string): string {
  try {
    const environment = resolveEnvironment(input);
    return environment.region ? environment.region.label : environment.label;
  } catch {
    return input;
  }
}
