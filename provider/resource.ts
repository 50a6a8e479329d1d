import * as pulumi from "@pulumi/pulumi";
import { signatureIdentProvider } from "./dynamic-provider";
import type { Review, ReviewStatus } from "./review/status";
import {
  type BusinessInfo,
  type ControlInputs,
  PERSONAL_FIELDS,
  type PersonInfo,
  type Purpose,
  SECRET_PROPERTIES,
  type SignAuthFile,
  type SignatureIdentBody,
} from "./types";

/** A value, or an Output of it, at every level of nesting, as Pulumi programs build them. */
export type DeepInput<T> = T extends readonly (infer Item)[]
  ? pulumi.Input<DeepInput<Item>[]>
  : T extends object
    ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
    : pulumi.Input<T>;

/** The ApplySignatureIdent body, with the API's own field names and nesting, and the inputs that steer the provider. */
export type SmsSignatureIdentArgs = {
  [K in keyof (SignatureIdentBody & ControlInputs)]: DeepInput<(SignatureIdentBody & ControlInputs)[K]>;
};

export const SMS_SIGNATURE_IDENT_MODULE = "volcengine-sms";
export const SMS_SIGNATURE_IDENT_TYPE = "SmsSignatureIdent";

/**
 * An SMS signature qualification (短信签名资质) filed with Volcengine's ApplySignatureIdent.
 *
 * Inputs are validated in `pulumi preview`. Any change files a new qualification (replacement): the API cannot
 * update or delete one, and deleting the resource only removes it from the state. Review is done by people and
 * takes days; `pulumi refresh` sets `approved` once Volcengine lists the qualification.
 */
export class SmsSignatureIdent extends pulumi.dynamic.Resource {
  /** The qualification id (int64, as a decimal string). */
  declare readonly id: pulumi.Output<pulumi.ID>;
  declare readonly materialName: pulumi.Output<string>;
  declare readonly purpose: pulumi.Output<Purpose>;
  declare readonly businessInfo: pulumi.Output<BusinessInfo>;
  declare readonly operatorPerson: pulumi.Output<PersonInfo>;
  declare readonly responsiblePersonInfo: pulumi.Output<PersonInfo>;
  declare readonly legalPerson: pulumi.Output<PersonInfo | undefined>;
  declare readonly powerOfAttorney: pulumi.Output<SignAuthFile[] | undefined>;
  declare readonly otherMaterials: pulumi.Output<SignAuthFile[] | undefined>;
  /** The signatures the qualification is for: as declared until approved, then as Volcengine lists them. */
  declare readonly effectSignatures: pulumi.Output<string[]>;
  /** True exactly when reviewStatus is "approved", as of the last create or refresh. */
  declare readonly approved: pulumi.Output<boolean>;
  /**
   * "reviewing", "approved", "rejected", "closed", "exempted", "status-<n>" for a state the provider does not know,
   * or "unknown" when the account's API cannot tell (it lists approved qualifications only).
   */
  declare readonly reviewStatus: pulumi.Output<ReviewStatus>;
  /** The reviewer's reason; "" when none. */
  declare readonly reviewOpinion: pulumi.Output<string>;
  /** When it was reviewed, ISO 8601 UTC; "" when not yet. */
  declare readonly reviewedAt: pulumi.Output<string>;
  /** Whether SMS signatures can use it now. */
  declare readonly usable: pulumi.Output<boolean>;

  constructor(name: string, args: SmsSignatureIdentArgs, opts?: pulumi.CustomResourceOptions) {
    super(signatureIdentProvider, name, propertiesOf(args), opts, SMS_SIGNATURE_IDENT_MODULE, SMS_SIGNATURE_IDENT_TYPE);
  }
}

const PERSONAL = new Set<string>(PERSONAL_FIELDS);
const REVIEW_OUTPUTS = [
  "approved",
  "reviewStatus",
  "reviewOpinion",
  "reviewedAt",
  "usable",
] as const satisfies readonly (keyof Review)[];
/** Keys whose values can contain personal fields: the top-level ones and the documents inside them. */
const HOLDERS = new Set<string>([...SECRET_PROPERTIES, "businessCertificate", "personCertificate"]);

function propertiesOf(args: SmsSignatureIdentArgs): Record<string, pulumi.Input<unknown>> {
  const properties: Record<string, pulumi.Input<unknown>> = Object.fromEntries(
    REVIEW_OUTPUTS.map((output) => [output, undefined]),
  );
  for (const [key, value] of Object.entries(args)) properties[key] = withPersonalFieldsSecret(key, value);
  return properties;
}

/**
 * Marks each personal field secret where it stands; the engine keeps that marking in state, in outputs and in
 * the diff it shows. A holder the program passes as an Output or a Promise cannot be looked into before it
 * resolves, so it is made secret whole.
 */
function withPersonalFieldsSecret(key: string, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (PERSONAL.has(key)) return pulumi.secret(value as pulumi.Input<unknown>);
  return HOLDERS.has(key) ? holderWithPersonalFieldsSecret(value) : value;
}

function holderWithPersonalFieldsSecret(value: unknown): unknown {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return pulumi.secret(value as pulumi.Input<unknown>);
  if (Array.isArray(value)) return value.map(holderWithPersonalFieldsSecret);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withPersonalFieldsSecret(key, item)]));
}
