/**
 * What every resource's methods get from the engine layer: the settings (resolved when an action needs them, so a
 * preview without credentials still checks), clients for actions, the diagnostics channel and what the account
 * has shown it offers. One is built per resource type from the stack config `configure` received.
 */
import { SMS_SERVICE } from "../api/sms";
import type { SignedJsonClient } from "../http/client";
import { pickSetting, type ResolvedSettings, resolveSettings } from "../settings/resolve";
import type { SettingName, StackSettings } from "../settings/table";
import { Lookups } from "./batched-lookup";
import { warn as printWarning, warnOnce as printWarningOnce } from "./diagnostics";

/**
 * What the account has shown it lacks, for the life of the provider process: an account that answered
 * InvalidActionOrVersion once will answer it again, and asking every time would cost a request per resource.
 */
export class Capabilities {
  private readonly missing = new Set<string>();

  offers(action: string): boolean {
    return !this.missing.has(action);
  }

  /** Records that the account lacks `action`; true the first time, so the caller says so once. */
  markMissing(action: string): boolean {
    if (this.missing.has(action)) return false;
    this.missing.add(action);
    return true;
  }
}

export interface Context {
  /** Names the resource in the lines the provider prints about requests (`SmsSignatureIdent: … retrying`). */
  readonly resourceType: string;
  /** Every setting resolved, credentials included: for a method that calls the API (throws when one is wrong). */
  settings(action: string): ResolvedSettings;
  /** One setting as given, for a choice that needs no credentials (check runs without them in preview). */
  setting(name: SettingName): string | undefined;
  clientFor(action: string): SignedJsonClient;
  warn(message: string): void;
  /** For what holds for the whole process: printed once, however many resources run into it. */
  warnOnce(message: string): void;
  readonly capabilities: Capabilities;
  /** Lookups that share list requests across the resources of the process (batched-lookup.ts). */
  readonly lookups: Lookups;
}

export interface ContextOptions {
  resourceType: string;
  stackSettings: StackSettings;
  capabilities: Capabilities;
  /** Default: lookups of this context alone. */
  lookups?: Lookups;
  /** Default: the provider's diagnostics (stderr, redacted). The command line prints elsewhere. */
  print?: { warn(message: string): void; warnOnce(message: string): void };
  env?: NodeJS.ProcessEnv;
}

export function createContext(options: ContextOptions): Context {
  const print = options.print ?? { warn: printWarning, warnOnce: printWarningOnce };
  const label = options.resourceType;
  const settings = (action: string) => resolveSettings(action, options.stackSettings, options.env);
  return {
    resourceType: label,
    settings,
    setting: (name) => pickSetting(name, options.stackSettings, options.env),
    warn: print.warn,
    warnOnce: print.warnOnce,
    capabilities: options.capabilities,
    lookups: options.lookups ?? new Lookups(),
    clientFor(action) {
      const resolved = settings(action);
      // Required here, not at the top: undici takes ~70 ms to load, and only create and read talk to the API, so the
      // host's first check (pulumi preview) does not wait for it.
      const { SignedJsonClient } = require("../http/client") as typeof import("../http/client");
      return new SignedJsonClient({
        ...resolved,
        service: SMS_SERVICE,
        report: (line) => print.warn(`${label}: ${line}`),
        retryHooks: {
          onRetry: ({ attempt, maxAttempts, delayMs, error, reason }) => {
            const status = error.httpStatus ? `, HTTP ${error.httpStatus}` : "";
            print.warn(
              `${label}: ${error.action} attempt ${attempt} of ${maxAttempts} failed (${error.code}${status}); ` +
                `retrying in ${delayMs} ms: ${reason}`,
            );
          },
        },
      });
    },
  };
}
