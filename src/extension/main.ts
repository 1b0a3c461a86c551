import * as vscode from 'vscode';
import { registerFlowCommands, type FlowsApi } from './flows/register';
import type { ExtensionServices } from './services';
import { ServiceHost } from './serviceHost';
import { registerCoreCommands } from './commands';

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
  registerCoreCommands(context, host);
  const flows = registerFlowCommands(context, host.services);
  host.start();
  return { services: host.services, flows, host };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions (ServiceHost disposes the client and the validator).
}
