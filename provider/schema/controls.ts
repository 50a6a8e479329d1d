/** Checks of the inputs that steer the provider (types.ts `ControlInputs`); values not known yet are not judged. */
import type { ControlInputs } from "../types";
import { UNKNOWN_VALUE } from "../values";
import type { CheckFailure } from "./check";

export const MAX_WAIT_SECONDS = 86_400;
export const MIN_POLL_SECONDS = 0.1;

export function checkControls(controls: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (property: keyof ControlInputs, path: string, rule: string) =>
    failures.push({ property, reason: `${path}: ${rule}` });
  const known = (value: unknown) => value !== undefined && value !== null && value !== UNKNOWN_VALUE;

  const { adoptId, allowDuplicateName, waitForApproval } = controls;
  if (known(adoptId) && !(typeof adoptId === "string" && /^[1-9]\d{0,18}$/.test(adoptId))) {
    fail("adoptId", "adoptId", "must be a qualification id: a decimal integer as a string, as the console shows it");
  }
  if (known(allowDuplicateName) && typeof allowDuplicateName !== "boolean") {
    fail("allowDuplicateName", "allowDuplicateName", "must be true or false");
  }
  if (!known(waitForApproval)) return failures;
  if (typeof waitForApproval !== "object" || Array.isArray(waitForApproval)) {
    fail("waitForApproval", "waitForApproval", "must be an object { timeoutSeconds, pollSeconds? }");
    return failures;
  }
  const { timeoutSeconds, pollSeconds, ...unknownKeys } = waitForApproval as Record<string, unknown>;
  const seconds = (value: unknown, min: number, max: number) =>
    typeof value === "number" && Number.isFinite(value) && value >= min && value <= max;
  if (known(timeoutSeconds) && !seconds(timeoutSeconds, 1, MAX_WAIT_SECONDS)) {
    fail(
      "waitForApproval",
      "waitForApproval.timeoutSeconds",
      `must be a number of seconds from 1 to ${MAX_WAIT_SECONDS}`,
    );
  }
  if (timeoutSeconds === undefined || timeoutSeconds === null) {
    fail("waitForApproval", "waitForApproval.timeoutSeconds", "is required");
  }
  if (known(pollSeconds) && !seconds(pollSeconds, MIN_POLL_SECONDS, MAX_WAIT_SECONDS)) {
    fail(
      "waitForApproval",
      "waitForApproval.pollSeconds",
      `must be a number of seconds of at least ${MIN_POLL_SECONDS}`,
    );
  }
  for (const key of Object.keys(unknownKeys)) {
    fail(
      "waitForApproval",
      `waitForApproval.${key}`,
      "is not a setting of waitForApproval (timeoutSeconds, pollSeconds)",
    );
  }
  return failures;
}
