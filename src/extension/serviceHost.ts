import * as vscode from 'vscode';
import { lazy } from '../common/lazy';
import type { RegexValidator } from '../filters/regex/validator';
import { FiltersAsCodeGate } from './asCode/filtersAsCodeGate';
import { UserCancelledError } from './cancellation';
import { settings } from './config';
import { Disposable } from './lifecycle';
import { ProfileStore } from './profiles/profileStore';
import { Session } from './profiles/session';
import type { ExtensionServices, SignedInSession } from './services';
import { ProfileStatusBar } from './statusBar';
import { IntegrationsTreeProvider, VIEW_ID } from './tree/integrationsTreeProvider';
import type { TreeNode } from './tree/treeNode';
import { WalkthroughProgress } from './walkthrough/progress';

// A lazy edge (see common/lazy.ts): the validator's scanner loads with the first pattern, its worker and re2-wasm too.
const validatorModule = lazy(
  () => require('../filters/regex/validator') as typeof import('../filters/regex/validator'),
);

/**
 * Owns everything with the extension's lifetime (log, profiles, session, tree, status bar, validator) and exposes
 * the narrow ExtensionServices to commands and flows.
 */
export class ServiceHost extends Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly profiles: ProfileStore;
  readonly session: Session;
  readonly tree: IntegrationsTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly services: ExtensionServices;
  /** eventbridge-filters.json: diagnostics, CodeLens, the org reads they share, the files' managed integrations. */
  readonly asCode: FiltersAsCodeGate;
  /** The Get Started walkthrough's progress, completed from the success paths. */
  readonly walkthrough: WalkthroughProgress;
  private validator: RegexValidator | undefined;

  constructor(readonly context: vscode.ExtensionContext) {
    super();
    this.log = this.register(vscode.window.createOutputChannel(vscode.l10n.t('Genesys Cloud'), { log: true }));
    this.profiles = new ProfileStore(context.globalState, context.secrets);
    this.session = this.register(new Session(this.profiles, context.secrets, this.log));
    this.tree = this.register(
      new IntegrationsTreeProvider(
        {
          session: () => this.session.signedIn(),
          organizationId: () => this.session.organizationId(),
          managedBy: (integration) => this.asCode.load().managed.managedBy(integration),
        },
        this.log,
      ),
    );
    this.treeView = this.register(
      vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.tree, showCollapseAll: true }),
    );
    this.register(new ProfileStatusBar(this.session));
    this.walkthrough = this.register(new WalkthroughProgress(context.extension.id, this.treeView, this.session));
    this.register(
      this.session.onDidChange(() => {
        // The view title says whose org this is: "EventBridge Integrations — <profile>".
        this.treeView.description = this.session.getClient() ? this.session.activeProfile()?.name : undefined;
        this.tree.refresh();
      }),
    );
    this.register({ dispose: () => void this.validator?.dispose() });
    this.services = this.createServices();
    this.asCode = this.register(new FiltersAsCodeGate(this.services, () => this.tree.redrawIntegrations()));
  }

  /** Takes ownership of something that must live as long as the extension. */
  own<T extends vscode.Disposable>(disposable: T): T {
    return this.register(disposable);
  }

  /** Loads the active profile; the tree and the welcome view follow through onDidChange. */
  start(): void {
    const version = (this.context.extension.packageJSON as { version?: string }).version ?? '?';
    this.log.info(`EventBridge Filters for Genesys Cloud ${version} on VS Code ${vscode.version}.`);
    void this.session.reload();
  }

  private createServices(): ExtensionServices {
    const lazyValidator = (): RegexValidator => (this.validator ??= new (validatorModule().RegexValidator)());
    return {
      log: this.log,
      session: () => this.session.signedIn(),
      requireSession: () => this.requireSession(),
      get validator(): RegexValidator {
        // Lazy: the worker (and re2-wasm) only load when someone validates a pattern.
        return lazyValidator();
      },
      allowPcre2Only: () => settings.allowPcre2Only(),
      refresh: (integrationId?: string) => this.tree.refresh(integrationId),
      onDidChangeSession: this.session.onDidChange,
    };
  }

  private async requireSession(): Promise<SignedInSession> {
    const existing = this.session.signedIn();
    if (existing) return existing;
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Sign in to Genesys Cloud first.'),
      vscode.l10n.t('Sign In…'),
    );
    if (choice) await vscode.commands.executeCommand('genesysCloud.signIn');
    const session = this.session.signedIn();
    if (!session) throw new UserCancelledError('Not signed in to Genesys Cloud.');
    return session;
  }
}
