import * as vscode from 'vscode';
import { REGIONS, resolveEnvironment, type GenesysEnvironment } from '../../genesys/regions';
import { MultiStepInput, type InputStep } from './multiStepInput';
import { ENVIRONMENT_PROFILE_ID, type Profile } from './profile';
import type { ProfileStore } from './profileStore';
import type { Session } from './session';
import { checkCredentials, defaultProfileName, saveAndActivate, signInFailureMessage } from './signIn';

const TITLE = 'Sign In';
const TOTAL_STEPS = 4;

interface RegionItem extends vscode.QuickPickItem {
  /** What is stored in the profile; undefined for "Custom URL…". */
  environment?: string;
}

interface WizardState {
  environmentInput?: string;
  customUrl?: string;
  environment?: GenesysEnvironment;
  clientId?: string;
  clientSecret?: string;
  name?: string;
}

/**
 * Region → client id → client secret (a token is requested here, before anything is stored; a failure
 * stays in the box for correction) → profile name. Returns the new active profile.
 */
export async function runSignInWizard(profiles: ProfileStore, session: Session): Promise<Profile> {
  const state: WizardState = {};
  const items: RegionItem[] = [
    ...REGIONS.map((r): RegionItem => ({ label: r.label, description: r.domain, environment: r.domain })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(link) Custom URL…', description: 'emulator, proxy or test server (http://127.0.0.1:8787)' },
  ];

  const pickRegion: InputStep = async (input) => {
    const chosen = await input.showQuickPick({
      title: TITLE,
      step: 1,
      totalSteps: TOTAL_STEPS,
      items,
      placeholder: 'Genesys Cloud region of your org (type to filter by name or domain)',
      activeItem: items.find((i) => i.environment !== undefined && i.environment === state.environmentInput),
    });
    if (chosen.environment === undefined) {
      return customUrl;
    }
    state.environmentInput = chosen.environment;
    state.environment = resolveEnvironment(chosen.environment);
    return clientId;
  };

  const customUrl: InputStep = async (input) => {
    const value = await input.showInputBox({
      title: `${TITLE}: Custom URL`,
      step: 1,
      totalSteps: TOTAL_STEPS,
      value: state.customUrl ?? 'http://127.0.0.1:8787',
      prompt: 'Origin that serves /oauth/token and /api/v2 (https://, or http:// for 127.0.0.1/localhost)',
      validate: (text) => validateEnvironment(text),
    });
    state.customUrl = value.trim();
    state.environmentInput = state.customUrl;
    state.environment = resolveEnvironment(state.customUrl);
    return clientId;
  };

  const clientId: InputStep = async (input) => {
    const value = await input.showInputBox({
      title: TITLE,
      step: 2,
      totalSteps: TOTAL_STEPS,
      value: state.clientId ?? '',
      prompt: `OAuth client id (Client Credentials grant) for ${state.environment!.label}`,
      placeholder: 'e.g. 3f2a…-…',
      validate: (text) =>
        text.trim() === ''
          ? 'Enter the OAuth client id.'
          : /\s/.test(text.trim())
            ? 'A client id has no spaces.'
            : undefined,
    });
    state.clientId = value.trim();
    return clientSecret;
  };

  const clientSecret: InputStep = async (input) => {
    const value = await input.showInputBox({
      title: TITLE,
      step: 3,
      totalSteps: TOTAL_STEPS,
      value: state.clientSecret ?? '',
      password: true,
      prompt: "OAuth client secret — Enter requests a token to check it; it is kept in VS Code's secret storage only",
      validate: (text) => (text === '' ? 'Enter the client secret.' : undefined),
      onAccept: async (secret) => {
        try {
          await checkCredentials(session, {
            environment: state.environmentInput!,
            clientId: state.clientId!,
            clientSecret: secret,
          });
          return undefined;
        } catch (err) {
          return signInFailureMessage(err);
        }
      },
    });
    state.clientSecret = value;
    return profileName;
  };

  const profileName: InputStep = async (input) => {
    const suggested = state.name ?? uniqueName(profiles, defaultProfileName(state.environment!));
    const value = await input.showInputBox({
      title: TITLE,
      step: 4,
      totalSteps: TOTAL_STEPS,
      value: suggested,
      prompt: 'Profile name (shown in the status bar; several profiles can be kept)',
      validate: (text) => validateProfileName(profiles, text),
    });
    state.name = value.trim();
    return undefined;
  };

  await MultiStepInput.run(pickRegion);
  return saveAndActivate(
    profiles,
    session,
    {
      environment: state.environmentInput!,
      clientId: state.clientId!,
      clientSecret: state.clientSecret!,
      name: state.name,
    },
    state.environment!,
  );
}

function validateEnvironment(text: string): vscode.InputBoxValidationMessage | undefined {
  try {
    resolveEnvironment(text);
    return undefined;
  } catch (err) {
    return {
      message: err instanceof Error ? err.message : String(err),
      severity: vscode.InputBoxValidationSeverity.Error,
    };
  }
}

export function validateProfileName(
  profiles: ProfileStore,
  text: string,
): string | vscode.InputBoxValidationMessage | undefined {
  const name = text.trim();
  if (name === '') {
    return 'Enter a profile name.';
  }
  if (name.length > 60) {
    return 'Keep the name under 60 characters.';
  }
  const existing = profiles.list().find((p) => p.name === name);
  if (existing?.id === ENVIRONMENT_PROFILE_ID) {
    return '"Environment" is the profile from GENESYS_ENV; choose another name.';
  }
  if (existing) {
    return { message: `Replaces the existing profile "${name}".`, severity: vscode.InputBoxValidationSeverity.Warning };
  }
  return undefined;
}

function uniqueName(profiles: ProfileStore, base: string): string {
  const names = new Set(profiles.list().map((p) => p.name));
  if (!names.has(base)) {
    return base;
  }
  for (let n = 2; ; n++) {
    if (!names.has(`${base} (${n})`)) {
      return `${base} (${n})`;
    }
  }
}
