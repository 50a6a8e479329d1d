/** The check of `waitForApproval`, an input every reviewed resource takes; a value not known yet is not judged. */
import { isKnown } from "../engine/inputs";
import type { CheckFailure } from "./failures";

export const MAX_WAIT_SECONDS = 86_400;
export const MIN_POLL_SECONDS = 0.1;

export function waitForApprovalFailures(waitForApproval: unknown): CheckFailure[] {
  const property = "waitForApproval";
  const failures: CheckFailure[] = [];
  const fail = (path: string, rule: string) => failures.push({ property, reason: `${path}: ${rule}` });
  if (!isKnown(waitForApproval)) return failures;
  if (typeof waitForApproval !== "object" || Array.isArray(waitForApproval)) {
    fail(property, "must be an object { timeoutSeconds, pollSeconds? }");
    return failures;
  }
  const { timeoutSeconds, pollSeconds, ...unknownKeys } = waitForApproval as Record<string, unknown>;
  const seconds = (value: unknown, min: number, max: number) =>
    typeof value === "number" && Number.isFinite(value) && value >= min && value <= max;
  if (isKnown(timeoutSeconds) && !seconds(timeoutSeconds, 1, MAX_WAIT_SECONDS)) {
    fail(`${property}.timeoutSeconds`, `must be a number of seconds from 1 to ${MAX_WAIT_SECONDS}`);
  }
  if (timeoutSeconds === undefined || timeoutSeconds === null) fail(`${property}.timeoutSeconds`, "is required");
  if (isKnown(pollSeconds) && !seconds(pollSeconds, MIN_POLL_SECONDS, MAX_WAIT_SECONDS)) {
    fail(`${property}.pollSeconds`, `must be a number of seconds of at least ${MIN_POLL_SECONDS}`);
  }
  for (const key of Object.keys(unknownKeys)) {
    fail(`${property}.${key}`, "is not a setting of waitForApproval (timeoutSeconds, pollSeconds)");
  }
  return failures;
}
