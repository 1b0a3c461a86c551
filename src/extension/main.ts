import type * as vscode from 'vscode';
import { createCommandContext, type FlowsApi } from './commands/commandContext';
import { registerCommands } from './commands/registerCommands';
import { ServiceHost } from './serviceHost';
import type { ExtensionServices } from './services';

/** What `activate()` returns: extension-host tests reach the extension through it. */
export interface ExtensionApi {
  services: ExtensionServices;
  flows: FlowsApi;
  /** Profiles, session and tree, for tests and for commands that need more than the services. */
  host: ServiceHost;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const host = new ServiceHost(context);
  context.subscriptions.push(host);
  const { ctx, api } = createCommandContext(host);
  registerCommands(context, ctx);
  host.start();
  // No Get Started walkthrough here: VS Code opens it when the extension is installed (walkthrough/walkthrough.ts).
  return { services: host.services, flows: api, host };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions (ServiceHost disposes the client and the validator).
}
