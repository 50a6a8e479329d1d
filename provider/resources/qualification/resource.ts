import * as pulumi from "@pulumi/pulumi";
import type { SignAuthFile } from "../../documents/sign-auth-file";
import { type DeepInput, RESOURCE_MODULE, registeredProperties } from "../../engine/program";
import { storedProvider } from "../../engine/shim";
import type { Review, ReviewStatus } from "../../review/status";

import shim = require("../../shims/sms-signature-ident");

import {
  type BusinessInfo,
  PERSONAL_FIELDS,
  type PersonInfo,
  type Purpose,
  QUALIFICATION_TYPE,
  SECRET_PROPERTIES,
  type SignatureIdentBody,
  type SignatureIdentControls,
} from "./types";

/** The ApplySignatureIdent body, with the API's own field names and nesting, and the inputs that steer the provider. */
export type SmsSignatureIdentArgs = {
  [K in keyof (SignatureIdentBody & SignatureIdentControls)]: DeepInput<
    (SignatureIdentBody & SignatureIdentControls)[K]
  >;
};

const REVIEW_OUTPUTS = [
  "approved",
  "reviewStatus",
  "reviewOpinion",
  "reviewedAt",
  "usable",
] as const satisfies readonly (keyof Review)[];

const SHAPE = {
  personal: PERSONAL_FIELDS,
  // The documents inside the top-level holders can hold file contents too.
  holders: [...SECRET_PROPERTIES, "businessCertificate", "personCertificate"],
  outputs: REVIEW_OUTPUTS,
};

/**
 * An SMS signature qualification (短信签名资质) filed with Volcengine's ApplySignatureIdent.
 *
 * Inputs are validated in `pulumi preview`. Any change files a new qualification (replacement): the API cannot
 * update or delete one, and deleting the resource only removes it from the state. Review is done by people and
 * takes days; `pulumi refresh` reads its outcome (and says when it changed).
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
    const properties = registeredProperties(args, SHAPE);
    super(storedProvider(shim), name, properties, opts, RESOURCE_MODULE, QUALIFICATION_TYPE);
  }
}
