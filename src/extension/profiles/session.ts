import * as vscode from 'vscode';
import { lazy } from '../../common/lazy';
import type { GenesysClient } from '../../genesys/client';
import type { ClientCredentials } from '../../genesys/credentials';
import { settings } from '../config';
import { Disposable } from '../lifecycle';
import { logRequest, logRetry } from '../requestLogging';
import type { SignedInSession } from '../services';
import { SubscriptionFilterAvailability } from '../subscriptionFilterAvailability';
import type { Profile } from './profile';
import { ProfileStore } from './profileStore';

// A lazy edge (see common/lazy.ts): the client loads when a profile is first used, after activation.
const clientModule = lazy(() => require('../../genesys/client') as typeof import('../../genesys/client'));

/** Context key that drives the welcome view and the menus. */
export const SIGNED_IN_CONTEXT = 'genesysCloud.signedIn';

/**
 * The signed-in session: the active profile, its client and what this session has learned about the org.
 * Reloading replaces all of it (the token cache goes with the client) and fires onDidChange; the previous
 * client is disposed.
 */
export class Session extends Disposable {
  private current: (SignedInSession & { profile: Profile }) | undefined;
  /**
   * The secret the client was built with, kept in memory only: our own writes also raise
   * secrets.onDidChange (asynchronously, after the reload they belong to), and must not reload again.
   */
  private secretInUse: string | undefined;
  private orgId: Promise<string | undefined> | undefined;
  /** Serialises reloads: a secrets event and a command may ask at the same time. */
  private reloading: Promise<void> = Promise.resolve();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    readonly profiles: ProfileStore,
    secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    // Another window signed in/out or rotated the secret of the profile we use.
    this.register(secrets.onDidChange((e) => void this.onSecretChanged(e.key)));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affectsClient(e) && this.current) {
          this.log.info('http.proxy changed; reconnecting.');
          void this.reload();
        }
      }),
    );
  }

  /** The signed-in session; undefined when signed out. */
  signedIn(): SignedInSession | undefined {
    return this.current;
  }

  getClient(): GenesysClient | undefined {
    return this.current?.client;
  }

  activeProfile(): Profile | undefined {
    return this.current?.profile;
  }

  /** Builds a client with the extension's logging and proxy. Used for the session and for sign-in checks. */
  createClient(credentials: ClientCredentials): GenesysClient {
    return new (clientModule().GenesysClient)({
      ...credentials,
      proxy: settings.httpProxy(),
      onRequest: (e) => logRequest(this.log, e),
      onRetry: (n) => logRetry(this.log, n),
    });
  }

  /** Re-reads the active profile and its secret, and replaces the client. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(
      () => this.doReload(),
      () => this.doReload(),
    );
    return this.reloading;
  }

  /** The org id for event source names; cached for the session, undefined when not permitted. */
  organizationId(): Promise<string | undefined> {
    const client = this.current?.client;
    if (!client) return Promise.resolve(undefined);
    this.orgId ??= client.getOrganizationId().catch((err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      this.log.info(`Organization id unavailable (event source names will be partial): ${reason}`);
      return undefined;
    });
    return this.orgId;
  }

  /** Another window signed out of, or rotated the secret of, the profile we use. */
  private async onSecretChanged(key: string): Promise<void> {
    const id = ProfileStore.profileIdOfSecretKey(key);
    const profile = this.current?.profile;
    if (id === undefined || id !== profile?.id) return;
    const secret = await this.profiles.secretOf(profile);
    if (secret !== undefined && secret === this.secretInUse) return;
    this.log.info(`The secret of profile "${profile.name}" changed in another window; reloading.`);
    await this.reload();
  }

  private async doReload(): Promise<void> {
    const profile = this.profiles.active();
    const secret = profile ? await this.profiles.secretOf(profile) : undefined;
    const previous = this.current?.client;
    this.current = undefined;
    this.secretInUse = undefined;
    this.orgId = undefined;
    if (profile && secret) {
      try {
        const { environment, clientId } = profile;
        const client = this.createClient({ environment, clientId, clientSecret: secret });
        const subscriptionFilters = new SubscriptionFilterAvailability(client, (m) => this.log.info(m));
        this.current = { client, subscriptionFilters, profile };
        this.secretInUse = secret;
        this.log.info(`Signed in as profile "${profile.name}" (${client.environment.label}, client id ${clientId}).`);
      } catch (err) {
        // e.g. a GENESYS_ENV or stored URL that does not resolve: stay signed out and say why, once per reload.
        const cause = err instanceof Error ? err.message : String(err);
        this.log.error(`Genesys Cloud profile "${profile.name}" cannot be used: ${cause}`);
        void vscode.window
          .showWarningMessage(
            vscode.l10n.t('Genesys Cloud profile "{0}" cannot be used: {1}', profile.name, cause),
            vscode.l10n.t('Sign In…'),
          )
          .then((choice) => choice && vscode.commands.executeCommand('genesysCloud.signIn'));
      }
    } else if (profile) {
      this.log.info(`Profile "${profile.name}" has no stored secret; signed out.`);
    } else {
      this.log.info('Signed out. Run "Genesys Cloud: Sign In…" to add a profile.');
    }
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, this.current !== undefined);
    // Drops its token cache and connections.
    if (previous) await previous.dispose().catch(() => undefined);
    this.changed.fire();
  }

  override dispose(): void {
    void this.current?.client.dispose().catch(() => undefined);
    this.current = undefined;
    super.dispose();
  }
}
