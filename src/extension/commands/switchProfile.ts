import * as vscode from 'vscode';
import { resolveEnvironment } from '../../genesys/regions';
import type { Profile } from '../profiles/profile';
import { runWizard } from '../wizard/wizard';
import type { PickItem } from '../wizard/prompter';
import type { CommandContext } from './commandContext';

type Choice = { profile: Profile } | { action: 'genesysCloud.signIn' | 'genesysCloud.signOut' };

/**
 * `genesysCloud.switchProfile`: pick among stored profiles and the Environment profile, or add one.
 * Accepts `{ profileId }` or `{ name }` for keybindings and tests.
 */
export function switchProfileCommand(ctx: CommandContext) {
  return async (arg?: unknown): Promise<{ id: string; name: string } | undefined> => {
    const { profiles, session } = ctx.host;
    const args = (arg ?? {}) as { profileId?: string; name?: string };
    const wanted = args.profileId ?? args.name;
    if (wanted !== undefined) {
      const profile = profiles.list().find((p) => p.id === wanted || p.name === wanted);
      if (!profile) {
        const known =
          profiles
            .list()
            .map((p) => p.name)
            .join(', ') || vscode.l10n.t('none');
        throw new Error(vscode.l10n.t('No Genesys Cloud profile "{0}". Known: {1}.', wanted, known));
      }
      return activate(ctx, profile);
    }
    const active = session.activeProfile();
    const items: PickItem<Choice>[] = profiles.list().map((profile) => ({
      label: profile.name,
      description: `${environmentLabel(profile.environment)} · ${profile.clientId}`,
      detail:
        profile.source === 'environment'
          ? vscode.l10n.t('From GENESYS_ENV, GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET')
          : undefined,
      icon: profile.id === active?.id ? 'check' : 'blank',
      picked: profile.id === active?.id,
      value: { profile },
    }));
    items.push({
      label: vscode.l10n.t('Sign In with another OAuth client…'),
      icon: 'sign-in',
      group: '',
      value: { action: 'genesysCloud.signIn' },
    });
    if (active) {
      items.push({
        label: vscode.l10n.t('Sign Out'),
        description: active.name,
        icon: 'sign-out',
        group: '',
        value: { action: 'genesysCloud.signOut' },
      });
    }
    const state: { choice?: Choice } = {};
    await runWizard(
      ctx.prompter(),
      vscode.l10n.t('Genesys Cloud: Switch Profile'),
      [
        {
          shouldPrompt: () => true,
          prompt: async (ask, s) => {
            s.choice = await ask.pick({ id: 'profile', placeholder: vscode.l10n.t('Profile to use'), items });
          },
        },
      ],
      state,
    );
    const choice = state.choice!;
    if ('action' in choice) {
      await vscode.commands.executeCommand(choice.action);
      return undefined;
    }
    return activate(ctx, choice.profile);
  };
}

async function activate(ctx: CommandContext, profile: Profile): Promise<{ id: string; name: string }> {
  await ctx.host.profiles.setActive(profile.id);
  await ctx.host.session.reload();
  if (!ctx.host.session.getClient()) {
    throw new Error(vscode.l10n.t('Profile "{0}" has no stored client secret. Sign in again to use it.', profile.name));
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
