/** What the provider prints: Pulumi shows a provider's stderr as diagnostics. */
import { redact } from "../redact";

/** Every line goes through the one redaction step. */
export function warn(message: string): void {
  console.warn(redact(message));
}

const noticesGiven = new Set<string>();

/** For what holds for the whole provider process (the account lacks an action): said once, not per resource. */
export function warnOnce(message: string): void {
  if (noticesGiven.has(message)) return;
  noticesGiven.add(message);
  warn(message);
}
