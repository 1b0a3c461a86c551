import * as vscode from 'vscode';
import { Disposable } from './lifecycle';
import { code, md } from './markdown';
import type { Session } from './profiles/session';

/** `$(cloud) <profile>` while signed in; a click switches profiles. Hidden when signed out (the view says so). */
export class ProfileStatusBar extends Disposable {
  private readonly item = this.register(
    vscode.window.createStatusBarItem('genesysCloud.profile', vscode.StatusBarAlignment.Left, 50),
  );

  constructor(private readonly session: Session) {
    super();
    this.item.name = 'Genesys Cloud Profile';
    this.item.command = 'genesysCloud.switchProfile';
    this.register(session.onDidChange(() => this.update()));
    this.update();
  }

  update(): void {
    const profile = this.session.activeProfile();
    const client = this.session.getClient();
    if (!profile || !client) {
      this.item.hide();
      return;
    }
    this.item.text = `$(cloud) ${profile.name}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(
      `**Genesys Cloud** — profile **${md(profile.name)}**${profile.source === 'environment' ? ' (from GENESYS_ENV)' : ''}\n\n`,
    );
    tooltip.appendMarkdown(`Region: ${md(client.environment.label)}  \nClient id: ${code(profile.clientId)}\n\n`);
    tooltip.appendMarkdown('Click to switch profile.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Genesys Cloud profile ${profile.name}. Click to switch profile.` };
    this.item.show();
  }
}
