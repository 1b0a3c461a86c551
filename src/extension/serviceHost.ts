import * as vscode from 'vscode';
import type { GenesysClient } from '../genesys/client';
import { RegexValidator } from '../filters/regex/validator';
import { settings } from './config';
import { UserCancelledError } from './errors';
import { ProfileStore } from './profiles/profileStore';
import { Session } from './profiles/session';
import type { ExtensionServices } from './services';
import { ProfileStatusBar } from './statusBar';
import { IntegrationsTreeProvider, VIEW_ID } from './tree/integrationsTreeProvider';
import type { TreeNode } from './tree/treeNode';

/**
 * Owns everything with the extension's lifetime (log, profiles, session, tree, status bar, validator)
 * and exposes the narrow ExtensionServices to commands and flows.
 */
export class ServiceHost implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly profiles: ProfileStore;
  readonly session: Session;
  readonly tree: IntegrationsTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly services: ExtensionServices;
  private validator: RegexValidator | undefined;
  private readonly seedEndpointUnavailable = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly context: vscode.ExtensionContext) {
    this.log = this.own(vscode.window.createOutputChannel('Genesys Cloud', { log: true }));
    this.profiles = new ProfileStore(context.globalState, context.secrets);
    this.session = this.own(new Session(this.profiles, context.secrets, this.log));
    this.tree = this.own(
      new IntegrationsTreeProvider(
        {
          client: () => this.requireSignedIn(),
          organizationId: () => this.session.organizationId(),
          seedEndpointUnavailable: this.seedEndpointUnavailable,
        },
        () => this.session.getClient() !== undefined,
        this.log,
      ),
    );
    this.treeView = this.own(
      vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.tree, showCollapseAll: true }),
    );
    this.own(new ProfileStatusBar(this.session));
    this.own(
      this.session.onDidChange(() => {
        // The view title says whose org this is: "EventBridge Integrations — <profile>".
        this.treeView.description = this.session.getClient() ? this.session.activeProfile()?.name : undefined;
        this.tree.refresh();
      }),
    );
    this.own({ dispose: () => void this.validator?.dispose() });
    this.services = this.createServices();
  }

  /** Loads the active profile; the tree and the welcome view follow through onDidChange. */
  start(): void {
    const version = (this.context.extension.packageJSON as { version?: string }).version ?? '?';
    this.log.info(`EventBridge Filters for Genesys Cloud ${version} on VS Code ${vscode.version}.`);
    void this.session.reload();
  }

  private createServices(): ExtensionServices {
    const lazyValidator = (): RegexValidator => (this.validator ??= new RegexValidator());
    return {
      log: this.log,
      getClient: () => this.session.getClient(),
      requireClient: () => this.requireClient(),
      get validator(): RegexValidator {
        // Lazy: the worker (and re2-wasm) only load when someone validates a pattern.
        return lazyValidator();
      },
      allowPcre2Only: () => settings.allowPcre2Only(),
      refresh: (integrationId?: string) => this.tree.refresh(integrationId),
      seedEndpointUnavailable: this.seedEndpointUnavailable,
      onDidChangeSession: this.session.onDidChange,
    };
  }

  private async requireClient(): Promise<GenesysClient> {
    const existing = this.session.getClient();
    if (existing) {
      return existing;
    }
    const choice = await vscode.window.showInformationMessage('Sign in to Genesys Cloud first.', 'Sign In…');
    if (choice) {
      await vscode.commands.executeCommand('genesysCloud.signIn');
    }
    const client = this.session.getClient();
    if (!client) {
      throw new UserCancelledError('Not signed in to Genesys Cloud.');
    }
    return client;
  }

  private requireSignedIn(): GenesysClient {
    const client = this.session.getClient();
    if (!client) {
      throw new Error('Not signed in to Genesys Cloud.');
    }
    return client;
  }

  private own<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) {
      d.dispose();
    }
  }
}
