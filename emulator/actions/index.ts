// The one table of the SMS actions the emulator answers, from every resource's module.
import type { EmulatorStore } from "../store";
import { QUALIFICATION_ROUTES } from "./qualification";
import type { ActionRoute } from "./route";
import { SIGNATURE_ROUTES } from "./signature";
import { TEMPLATE_ROUTES } from "./template";

const ROUTES = { ...QUALIFICATION_ROUTES, ...SIGNATURE_ROUTES, ...TEMPLATE_ROUTES } satisfies Record<
  string,
  ActionRoute
>;

export type SmsAction = keyof typeof ROUTES;

/** The action the gateway routes this Action, Version and method to, if any. */
export function routeSmsAction(action: string, version: string, method: string): SmsAction | undefined {
  if (!Object.hasOwn(ROUTES, action)) return undefined;
  const route: ActionRoute = ROUTES[action as SmsAction];
  return route.versions.includes(version) && route.methods.includes(method) ? (action as SmsAction) : undefined;
}

export function routeOf(action: SmsAction): ActionRoute {
  return ROUTES[action];
}

export function runSmsAction(action: SmsAction, params: unknown, store: EmulatorStore): unknown {
  return routeOf(action).handle(params, store);
}
