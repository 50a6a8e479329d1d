/**
 * What each resource implements, typed against Pulumi's dynamic-provider contract. The engine layer (dispatch.ts)
 * hands every method the inputs without `__provider` and a Context; the provider host puts `__provider` back.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { Context } from "./context";
import type { Props } from "./inputs";

export interface ResourceRuntime {
  /** The type in the token `pulumi-nodejs:dynamic/volcengine-sms:<type>`. */
  readonly type: string;
  /** Never throws: a failure of ours is reported as a check failure (dispatch.ts catches). */
  check(olds: Props, news: Props, context: Context): Promise<dynamic.CheckResult>;
  diff(id: string, olds: Props, news: Props, context: Context): Promise<dynamic.DiffResult>;
  /** If it throws, the resource must not have been created (Pulumi's promise): it would be lost from the state. */
  create(inputs: Props, context: Context): Promise<dynamic.CreateResult>;
  read(id: string, props: Props, context: Context): Promise<dynamic.ReadResult>;
  update(id: string, olds: Props, news: Props, context: Context): Promise<dynamic.UpdateResult>;
  delete(id: string, props: Props, context: Context): Promise<void>;
}
