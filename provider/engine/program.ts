/**
 * What the resource classes share in the user's program: their input types, and the properties they register, with
 * each personal field secret where it stands. Loaded by the program, so nothing here may load zod or undici.
 */
import * as pulumi from "@pulumi/pulumi";

/** A value, or an Output of it, at every level of nesting, as Pulumi programs build them. */
export type DeepInput<T> = T extends readonly (infer Item)[]
  ? pulumi.Input<DeepInput<Item>[]>
  : T extends object
    ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
    : pulumi.Input<T>;

/** Where a resource's inputs hold personal data, and the outputs only the provider sets. */
export interface PropertyShape {
  /** Keys whose values are personal (an ID number, a mobile, a scan) wherever they stand. */
  personal: readonly string[];
  /** Keys whose values can hold personal fields (the objects and lists around them). */
  holders: readonly string[];
  /** Outputs the provider sets, registered as not known yet so the class's properties exist before create. */
  outputs: readonly string[];
}

export function registeredProperties(
  args: Record<string, unknown>,
  shape: PropertyShape,
): Record<string, pulumi.Input<unknown>> {
  const properties: Record<string, pulumi.Input<unknown>> = Object.fromEntries(
    shape.outputs.map((output) => [output, undefined]),
  );
  for (const [key, value] of Object.entries(args)) properties[key] = withPersonalFieldsSecret(key, value, shape);
  return properties;
}

/**
 * Marks each personal field secret where it stands; the engine keeps that marking in state, in outputs and in the
 * diff it shows, so a preview still shows names and dates old → new. A holder the program passes as an Output or a
 * Promise cannot be looked into before it resolves, so it is made secret whole.
 */
function withPersonalFieldsSecret(key: string, value: unknown, shape: PropertyShape): unknown {
  if (value === undefined || value === null) return value;
  if (shape.personal.includes(key)) return pulumi.secret(value as pulumi.Input<unknown>);
  return shape.holders.includes(key) ? holderWithPersonalFieldsSecret(value, shape) : value;
}

function holderWithPersonalFieldsSecret(value: unknown, shape: PropertyShape): unknown {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return pulumi.secret(value as pulumi.Input<unknown>);
  if (Array.isArray(value)) return value.map((item) => holderWithPersonalFieldsSecret(item, shape));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withPersonalFieldsSecret(key, item, shape)]),
  );
}

/** The module and type of every token: `pulumi-nodejs:dynamic/volcengine-sms:<type>` (changing them changes URNs). */
export const RESOURCE_MODULE = "volcengine-sms";
