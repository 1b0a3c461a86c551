import type * as vscode from 'vscode';
import type { GenesysClient } from '../genesys/client';
import type { RegexValidator } from '../filters/regex/validator';
import type { SubscriptionFilterAvailability } from './subscriptionFilterAvailability';

/** What the extension has while signed in; replaced as a whole on sign-in, sign-out and profile switch. */
export interface SignedInSession {
  readonly client: GenesysClient;
  /** Reads EventBridge documents and remembers, for this session, where the subscription-filter endpoint is missing. */
  readonly subscriptionFilters: SubscriptionFilterAvailability;
}

/**
 * What every command, flow and tree node may use. One instance per activated extension; the session part
 * changes on sign-in / sign-out / profile switch.
 */
export interface ExtensionServices {
  readonly log: vscode.LogOutputChannel;
  /** The active session; undefined when signed out. */
  session(): SignedInSession | undefined;
  /** Signed out → offers Sign In, then throws a cancellation if still signed out. */
  requireSession(): Promise<SignedInSession>;
  /** One per extension, lazy (its worker starts on the first validate). */
  readonly validator: RegexValidator;
  /** Setting `genesysCloud.regex.allowPcre2Only`. */
  allowPcre2Only(): boolean;
  /** Redraws the whole tree, or one integration's subtree, after a change (the subscription-filter memory stays). */
  refresh(integrationId?: string): void;
  /** Fires on sign-in, sign-out and profile switch. */
  readonly onDidChangeSession: vscode.Event<void>;
}
