/**
 * Which integrations a filters file in the workspace manages, so the tree can say so. The workspace is searched only
 * when the tree first asks (not at activation), then kept up to date by a file watcher.
 */
import * as vscode from 'vscode';
import { FILTERS_FILE_NAME } from '../../filters/asCode/filtersFile';
import { parseFiltersFile } from '../../filters/asCode/parseFiltersFile';
import { Disposable } from '../lifecycle';
import { displayName, isFiltersFile } from './filtersFiles';

const GLOB = `**/${FILTERS_FILE_NAME}`;
/** More filters files than this in one workspace is not a layout worth scanning for. */
const MAX_FILES = 20;

interface Managed {
  byId: Map<string, vscode.Uri>;
  /** Entries named without an id. */
  byName: Map<string, vscode.Uri>;
}

export class ManagedIntegrations extends Disposable {
  private managed: Managed = { byId: new Map(), byName: new Map() };
  private started = false;
  private scan: Promise<void> | undefined;
  private generation = 0;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the files say something new (a scan finished). */
  readonly onDidChange = this.changed.event;

  /** The file (workspace-relative) that manages this integration, from the last scan; starts scanning on first use. */
  managedBy(integration: { id: string; name: string }): string | undefined {
    this.start();
    const uri = this.managed.byId.get(integration.id) ?? this.managed.byName.get(integration.name);
    return uri ? displayName(uri) : undefined;
  }

  /** Reads the workspace's files again (the watcher does this on its own; tests and commands need it now). */
  async refresh(): Promise<void> {
    this.start();
    let last = this.rescan();
    await last;
    // A scan the watcher started meanwhile is newer: its result is the one that counts.
    while (this.scan !== last) {
      last = this.scan!;
      await last;
    }
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(GLOB));
    const rescan = () => void this.rescan();
    this.register(watcher.onDidCreate(rescan));
    this.register(watcher.onDidChange(rescan));
    this.register(watcher.onDidDelete(rescan));
    // Saves from this window are known at once, whatever the file watcher of a remote host takes to report them.
    this.register(
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (isFiltersFile(document)) rescan();
      }),
    );
    rescan();
  }

  private rescan(): Promise<void> {
    // Scans overlap when files change quickly: only the newest may store what it found, or an older scan finishing
    // last would bring back a file deleted meanwhile.
    const generation = ++this.generation;
    const run = this.read().then((managed) => {
      if (generation !== this.generation) return;
      this.managed = managed;
      this.changed.fire();
    });
    this.scan = run.catch(() => undefined);
    return this.scan;
  }

  private async read(): Promise<Managed> {
    const managed: Managed = { byId: new Map(), byName: new Map() };
    const files = await vscode.workspace.findFiles(GLOB, '**/node_modules/**', MAX_FILES);
    for (const uri of files) {
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        continue; // deleted meanwhile
      }
      for (const entry of parseFiltersFile(text).file.integrations) {
        if (entry.id) managed.byId.set(entry.id.value, uri);
        else if (entry.name) managed.byName.set(entry.name.value, uri);
      }
    }
    return managed;
  }
}
