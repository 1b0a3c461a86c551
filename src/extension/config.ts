import * as vscode from 'vscode';

/** The one place that reads settings: a getter per setting. */
export const settings = {
  /** `genesysCloud.regex.allowPcre2Only` (machine scope: a cloned repo cannot turn it on). */
  allowPcre2Only(): boolean {
    return vscode.workspace.getConfiguration('genesysCloud').get<boolean>('regex.allowPcre2Only', false);
  },

  /** VS Code's own `http.proxy` (application scope), passed to the client; empty means "use HTTPS_PROXY etc.". */
  httpProxy(): string | undefined {
    const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy', '').trim();
    return proxy === '' ? undefined : proxy;
  },

  /** True when a change event touches a setting that changes how the client is built. */
  affectsClient(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration('http.proxy');
  },
};
