/**
 * Sign In as wizard steps: region (or Custom URL…) → client id → client secret → profile name. A token is
 * requested with the secret before anything is stored, and a failure stays in the secret box for correction.
 * Arguments (keybindings, tasks, tests) skip their steps; with all three credentials given nothing is asked,
 * but the same token check runs (with a cancellable progress) before the profile is stored.
 */
import * as vscode from 'vscode';
import { REGIONS, resolveEnvironment, type GenesysEnvironment } from '../../genesys/regions';
import { abortSignalOf } from '../cancellation';
import type { CommandContext } from '../commands/commandContext';
import { FlowArgumentError } from '../flows/args';
import type { PickItem, ValidationMessage } from '../wizard/prompter';
import { runWizard, type WizardStep } from '../wizard/wizard';
import { ENVIRONMENT_PROFILE_ID, type Profile } from './profile';
import type { ProfileStore } from './profileStore';
import {
  checkCredentials,
  defaultProfileName,
  saveAndActivate,
  signInFailureMessage,
  type SignInRequest,
} from './signIn';

interface SignInState {
  /** What the command was given; each given field skips its step. */
  readonly args: Partial<SignInRequest>;
  /** What is stored in the profile: a region's domain or the custom URL as typed. */
  environmentInput?: string;
  environment?: GenesysEnvironment;
  custom?: boolean;
  clientId?: string;
  clientSecret?: string;
  /** Set once a token was obtained with exactly these credentials. */
  checked?: boolean;
  name?: string;
}

const CUSTOM_URL = 'custom';

/** Runs the steps and stores the checked profile as the active one. */
export async function signIn(ctx: CommandContext, args: Partial<SignInRequest>): Promise<Profile> {
  const { profiles, session } = ctx.host;
  const state = await runWizard<SignInState>(ctx.prompter(), vscode.l10n.t('Sign In'), signInSteps(ctx), { args });
  const request = {
    environment: state.environmentInput!,
    clientId: state.clientId!,
    clientSecret: state.clientSecret!,
  };
  return saveAndActivate(profiles, session, { ...request, name: state.name }, state.environment!);
}

function signInSteps(ctx: CommandContext): WizardStep<SignInState>[] {
  const { profiles, session } = ctx.host;
  const allGiven = (s: SignInState) => !!(s.args.environment && s.args.clientId && s.args.clientSecret);
  const check = (s: SignInState, signal?: AbortSignal) =>
    checkCredentials(
      session,
      { environment: s.environmentInput!, clientId: s.clientId!, clientSecret: s.clientSecret! },
      signal,
    );
  return [
    {
      shouldPrompt: (s) => !s.args.environment,
      prompt: async (ask, s) => {
        const choice = await ask.pick({
          id: 'region',
          placeholder: vscode.l10n.t('Genesys Cloud region of your org (type to filter by name or domain)'),
          items: regionItems(s.custom ? CUSTOM_URL : s.environmentInput),
        });
        s.custom = choice === CUSTOM_URL;
        if (!s.custom) s.environmentInput = choice;
      },
      after: (s) => {
        if (s.args.environment) s.environmentInput = s.args.environment.trim();
        if (!s.custom) s.environment = resolveOrExplain(s.environmentInput!);
      },
    },
    {
      shouldPrompt: (s) => !s.args.environment && s.custom === true,
      prompt: async (ask, s) => {
        const url = await ask.input({
          id: 'customUrl',
          title: vscode.l10n.t('Sign In: Custom URL'),
          value: s.environmentInput && s.custom ? s.environmentInput : 'http://127.0.0.1:8787',
          prompt: vscode.l10n.t(
            'Origin that serves /oauth/token and /api/v2 (https://, or http:// for 127.0.0.1/localhost)',
          ),
          validate: environmentProblem,
        });
        s.environmentInput = url.trim();
        s.environment = resolveEnvironment(s.environmentInput);
      },
    },
    {
      shouldPrompt: (s) => !s.args.clientId,
      prompt: async (ask, s) => {
        const id = await ask.input({
          id: 'clientId',
          value: s.clientId ?? '',
          prompt: vscode.l10n.t('OAuth client id (Client Credentials grant) for {0}', s.environment!.label),
          placeholder: vscode.l10n.t('e.g. {0}', '3f2a…-…'),
          validate: (text) =>
            error(
              text.trim() === ''
                ? vscode.l10n.t('Enter the OAuth client id.')
                : /\s/.test(text.trim())
                  ? vscode.l10n.t('A client id has no spaces.')
                  : undefined,
            ),
        });
        s.clientId = id.trim();
        s.checked = false;
      },
      after: (s) => {
        if (s.args.clientId) s.clientId = s.args.clientId.trim();
      },
    },
    {
      shouldPrompt: (s) => !s.args.clientSecret,
      prompt: async (ask, s) => {
        s.clientSecret = await ask.input({
          id: 'clientSecret',
          value: s.clientSecret ?? '',
          password: true,
          prompt: vscode.l10n.t(
            "OAuth client secret — Enter requests a token to check it; it is kept in VS Code's secret storage only",
          ),
          validate: (text) => error(text === '' ? vscode.l10n.t('Enter the client secret.') : undefined),
          accept: async (secret, signal) => {
            try {
              await check({ ...s, clientSecret: secret }, signal);
              return undefined;
            } catch (err) {
              return { severity: 'error', message: signInFailureMessage(err) };
            }
          },
        });
        s.checked = true;
      },
      after: async (s) => {
        if (s.args.clientSecret) s.clientSecret = s.args.clientSecret;
        if (s.checked) return;
        const title = vscode.l10n.t('Genesys Cloud: checking the client credentials…');
        const options = { location: vscode.ProgressLocation.Notification, title, cancellable: true };
        await vscode.window.withProgress(options, (_progress, token) => check(s, abortSignalOf(token)));
        s.checked = true;
      },
    },
    {
      // Fully given credentials are a script or a keybinding: nothing is asked, the name defaults.
      shouldPrompt: (s) => !s.args.name && !allGiven(s),
      prompt: async (ask, s) => {
        const name = await ask.input({
          id: 'profileName',
          value: s.name ?? uniqueName(profiles, defaultProfileName(s.environment!)),
          prompt: vscode.l10n.t('Profile name (shown in the status bar; several profiles can be kept)'),
          validate: (text) => validateProfileName(profiles, text),
        });
        s.name = name.trim();
      },
      after: (s) => {
        if (s.args.name) s.name = s.args.name.trim();
      },
    },
  ];
}

function regionItems(current: string | undefined): PickItem<string>[] {
  return [
    ...REGIONS.map((r) => ({ label: r.label, description: r.domain, value: r.domain, picked: r.domain === current })),
    {
      label: vscode.l10n.t('Custom URL…'),
      description: vscode.l10n.t('emulator, proxy or test server ({0})', 'http://127.0.0.1:8787'),
      icon: 'link',
      group: '',
      value: CUSTOM_URL,
      picked: current === CUSTOM_URL,
    },
  ];
}

function resolveOrExplain(input: string): GenesysEnvironment {
  try {
    return resolveEnvironment(input);
  } catch (err) {
    throw new FlowArgumentError(
      vscode.l10n.t('"environment" is not usable: {0}', err instanceof Error ? err.message : String(err)),
    );
  }
}

function environmentProblem(text: string): ValidationMessage | undefined {
  try {
    resolveEnvironment(text);
    return undefined;
  } catch (err) {
    return error(err instanceof Error ? err.message : String(err));
  }
}

function error(message: string | undefined): ValidationMessage | undefined {
  return message === undefined ? undefined : { severity: 'error', message };
}

export function validateProfileName(profiles: ProfileStore, text: string): ValidationMessage | undefined {
  const name = text.trim();
  if (name === '') return error(vscode.l10n.t('Enter a profile name.'));
  if (name.length > 60) return error(vscode.l10n.t('Keep the name under {0} characters.', 60));
  const existing = profiles.list().find((p) => p.name === name);
  if (existing?.id === ENVIRONMENT_PROFILE_ID) {
    return error(vscode.l10n.t('"{0}" is the profile from GENESYS_ENV; choose another name.', existing.name));
  }
  if (existing) return { severity: 'warning', message: vscode.l10n.t('Replaces the existing profile "{0}".', name) };
  return undefined;
}

function uniqueName(profiles: ProfileStore, base: string): string {
  const names = new Set(profiles.list().map((p) => p.name));
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!names.has(`${base} (${n})`)) return `${base} (${n})`;
  }
}
