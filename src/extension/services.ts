import type * as vscode from 'vscode';
import type { GenesysClient } from '../genesys/client';
import type { RegexValidator } from '../filters/regex/validator';

/**
 * What every command, flow and tree node may use. One instance per activated extension;
 * the session parts (client) change on sign-in / sign-out / profile switch.
 */
export interface ExtensionServices {
  readonly log: vscode.LogOutputChannel;
  /** The active profile's client; undefined when signed out. */
  getClient(): GenesysClient | undefined;
  /** Signed out → offers Sign In, then throws a cancellation if still signed out. */
  requireClient(): Promise<GenesysClient>;
  /** One per extension, lazy (its worker starts on the first validate). */
  readonly validator: RegexValidator;
  /** Setting `genesysCloud.regex.allowPcre2Only`. */
  allowPcre2Only(): boolean;
  /** Reloads the whole tree, or one integration's subtree. */
  refresh(integrationId?: string): void;
  /** Integration ids whose seed endpoint answered 404 this session (a whole-tree refresh clears it). */
  readonly seedEndpointUnavailable: Set<string>;
  /** Fires on sign-in, sign-out and profile switch. */
  readonly onDidChangeSession: vscode.Event<void>;
}
