/**
 * FROZEN: the entry every stored shim loads by package name, `require("pulumi-volcengine-sms/runtime")`, in the
 * provider host. States written by 0.1.0 call the seven names below for their qualifications (test/contract pins
 * those texts); shims written since call `dispatch(resourceType, method, args)`. No name here is ever removed or
 * renamed: a state that names it would no longer refresh or delete. Behaviour lives behind `dispatch`.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { createDispatcher, type Method } from "./engine/dispatch";
import { resourceRuntime } from "./resources/registry";

const dispatcher = createDispatcher(resourceRuntime);

export const configure = dispatcher.configure;

export function dispatch(resourceType: string, method: Method, args: readonly unknown[]): Promise<unknown> {
  return dispatcher.dispatch(resourceType, method, args);
}

// The qualification's names of 0.1.0, typed as Pulumi's contract says they answer.
const QUALIFICATION = "SmsSignatureIdent";
const as =
  <T>(method: Method) =>
  (...args: unknown[]) =>
    dispatch(QUALIFICATION, method, args) as Promise<T>;
export const check = as<dynamic.CheckResult>("check");
export const diff = as<dynamic.DiffResult>("diff");
export const create = as<dynamic.CreateResult>("create");
export const read = as<dynamic.ReadResult>("read");
export const update = as<dynamic.UpdateResult>("update");
export const remove = as<void>("delete");
