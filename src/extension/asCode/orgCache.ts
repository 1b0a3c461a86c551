/**
 * What the filters-file features read from the org, shared and briefly remembered: the EventBridge integrations and,
 * per integration, the config and EventBridge document. Diagnostics and CodeLens ask here and never sign in: signed
 * out, they get `undefined` and read nothing. Plan and Apply ask for fresh reads; a write forgets its integration;
 * a sign-in, sign-out or profile switch forgets everything.
 */
import * as vscode from 'vscode';
import type { IntegrationRef } from '../../filters/asCode/resolveEntries';
import type { LiveIntegration } from '../../filters/asCode/planIntegration';
import { Disposable } from '../lifecycle';
import type { ExtensionServices } from '../services';
import { isSubscriptionFiltersUnavailable } from '../subscriptionFilterAvailability';

/** Long enough that typing does not re-read the org, short enough that someone else's change shows soon. */
const FRESH_FOR_MS = 30_000;

interface Timed<T> {
  at: number;
  value: Promise<T>;
}

export class OrgCache extends Disposable {
  private list: Timed<IntegrationRef[]> | undefined;
  private readonly live = new Map<string, Timed<LiveIntegration>>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when what was read is forgotten (session change, a write): CodeLens and diagnostics read again. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: ExtensionServices) {
    super();
    this.register(services.onDidChangeSession(() => this.forget()));
  }

  /** The org's EventBridge integrations; undefined when signed out. */
  integrations(fresh = false): Promise<IntegrationRef[]> | undefined {
    const session = this.services.session();
    if (!session) return undefined;
    if (fresh || !this.list || Date.now() - this.list.at > FRESH_FOR_MS) {
      const value = session.client
        .listEventBridgeIntegrations()
        .then((all) => all.map(({ id, name }) => ({ id, name })));
      this.list = this.remember(value, () => (this.list = undefined));
    }
    return this.list.value;
  }

  /** The config and/or document of one integration; undefined when signed out. */
  integration(
    id: string,
    need: { config: boolean; document: boolean },
    fresh = false,
  ): Promise<LiveIntegration> | undefined {
    const session = this.services.session();
    if (!session) return undefined;
    const cached = this.live.get(id);
    if (!fresh && cached && Date.now() - cached.at <= FRESH_FOR_MS) {
      // A cached read that lacks a part now needed is extended, not redone.
      const extended = cached.value.then((live) => this.complete(id, live, need));
      this.live.set(id, { at: cached.at, value: extended });
      extended.catch(() => this.live.delete(id));
      return extended;
    }
    const value = this.complete(id, {}, need);
    this.live.set(
      id,
      this.remember(value, () => this.live.delete(id)),
    );
    return value;
  }

  /** Forgets one integration (after a write) or everything. */
  forget(id?: string): void {
    if (id === undefined) {
      this.list = undefined;
      this.live.clear();
    } else this.live.delete(id);
    this.changed.fire();
  }

  private async complete(
    id: string,
    live: LiveIntegration,
    need: { config: boolean; document: boolean },
  ): Promise<LiveIntegration> {
    const session = this.services.session();
    if (!session) return live;
    const missingConfig = need.config && !live.config;
    const missingDocument = need.document && !live.document && !live.documentUnavailable;
    if (!missingConfig && !missingDocument) return live;
    const [config, document] = await Promise.all([
      missingConfig ? session.client.getIntegrationConfig(id) : live.config,
      missingDocument
        ? session.subscriptionFilters.readDocument(id).catch((err: unknown) => {
            if (isSubscriptionFiltersUnavailable(err)) return 'unavailable' as const;
            throw err;
          })
        : live.document,
    ]);
    const result: LiveIntegration = { ...live };
    if (config) result.config = config;
    if (document === 'unavailable') result.documentUnavailable = true;
    else if (document) result.document = document;
    return result;
  }

  private remember<T>(value: Promise<T>, drop: () => void): Timed<T> {
    // A failed read is not remembered: the next look asks again.
    value.catch(drop);
    return { at: Date.now(), value };
  }
}
