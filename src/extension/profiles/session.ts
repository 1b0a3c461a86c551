import * as vscode from 'vscode';
import { GenesysClient } from '../../genesys/client';
import { settings } from '../config';
import { logRequest, logRetry } from '../requestLog';
import type { Profile } from './profile';
import { ProfileStore } from './profileStore';

/** Context key that drives the welcome view and the menus. */
export const SIGNED_IN_CONTEXT = 'genesysCloud.signedIn';

export interface ClientCredentials {
  environment: string;
  clientId: string;
  clientSecret: string;
}

/**
 * The signed-in session: the active profile and its client. Reloading replaces the client (its token
 * cache goes with it) and fires onDidChange; the previous client is disposed.
 */
export class Session implements vscode.Disposable {
  private client: GenesysClient | undefined;
  private profile: Profile | undefined;
  /**
   * The secret the client was built with, kept in memory only: our own writes also raise
   * secrets.onDidChange (asynchronously, after the reload they belong to), and must not reload again.
   */
  private secretInUse: string | undefined;
  private orgId: Promise<string | undefined> | undefined;
  /** Serialises reloads: a secrets event and a command may ask at the same time. */
  private reloading: Promise<void> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    readonly profiles: ProfileStore,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      // Another window signed in/out or rotated the secret of the profile we use.
      secrets.onDidChange((e) => void this.onSecretChanged(e.key)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affectsClient(e) && this.client) {
          this.log.info('http.proxy changed; reconnecting.');
          void this.reload();
        }
      }),
    );
  }

  getClient(): GenesysClient | undefined {
    return this.client;
  }

  activeProfile(): Profile | undefined {
    return this.profile;
  }

  /** Builds a client with the extension's logging and proxy. Used for the session and for sign-in checks. */
  createClient(credentials: ClientCredentials): GenesysClient {
    return new GenesysClient({
      environment: credentials.environment,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
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
    const client = this.client;
    if (!client) {
      return Promise.resolve(undefined);
    }
    this.orgId ??= client.getOrganizationId().catch((err: unknown) => {
      this.log.info(
        `Organization id unavailable (event source names will be partial): ${err instanceof Error ? err.message : String(err)}`,
      );
      return undefined;
    });
    return this.orgId;
  }

  /** Another window signed out of, or rotated the secret of, the profile we use. */
  private async onSecretChanged(key: string): Promise<void> {
    const id = ProfileStore.profileIdOfSecretKey(key);
    const profile = this.profile;
    if (id === undefined || id !== profile?.id) {
      return;
    }
    const secret = await this.profiles.secretOf(profile);
    if (secret !== undefined && secret === this.secretInUse) {
      return;
    }
    this.log.info(`The secret of profile "${profile.name}" changed in another window; reloading.`);
    await this.reload();
  }

  private async doReload(): Promise<void> {
    const profile = this.profiles.active();
    const secret = profile ? await this.profiles.secretOf(profile) : undefined;
    const previous = this.client;
    this.client = undefined;
    this.profile = undefined;
    this.secretInUse = undefined;
    this.orgId = undefined;
    if (profile && secret) {
      try {
        this.client = this.createClient({
          environment: profile.environment,
          clientId: profile.clientId,
          clientSecret: secret,
        });
        this.profile = profile;
        this.secretInUse = secret;
        this.log.info(
          `Signed in as profile "${profile.name}" (${this.client.environment.label}, client id ${profile.clientId}).`,
        );
      } catch (err) {
        // e.g. a GENESYS_ENV or stored URL that does not resolve: stay signed out and say why, once per reload.
        const reason = `Genesys Cloud profile "${profile.name}" cannot be used: ${err instanceof Error ? err.message : String(err)}`;
        this.log.error(reason);
        void vscode.window
          .showWarningMessage(reason, 'Sign In…')
          .then((choice) => choice && vscode.commands.executeCommand('genesysCloud.signIn'));
      }
    } else if (profile) {
      this.log.info(`Profile "${profile.name}" has no stored secret; signed out.`);
    } else {
      this.log.info('Signed out. Run "Genesys Cloud: Sign In…" to add a profile.');
    }
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, this.client !== undefined);
    if (previous) {
      // Drops its token cache and connections.
      await previous.dispose().catch(() => undefined);
    }
    this.changed.fire();
  }

  dispose(): void {
    void this.client?.dispose().catch(() => undefined);
    this.client = undefined;
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
