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
    this.item.name = vscode.l10n.t('Genesys Cloud Profile');
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
    const heading =
      profile.source === 'environment'
        ? vscode.l10n.t('**Genesys Cloud** — profile **{0}** (from GENESYS_ENV)', md(profile.name))
        : vscode.l10n.t('**Genesys Cloud** — profile **{0}**', md(profile.name));
    tooltip.appendMarkdown(`${heading}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Region: {0}', md(client.environment.label))}  \n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Client id: {0}', code(profile.clientId))}\n\n`);
    tooltip.appendMarkdown(vscode.l10n.t('Click to switch profile.'));
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('Genesys Cloud profile {0}. Click to switch profile.', profile.name),
    };
    this.item.show();
  }
}
