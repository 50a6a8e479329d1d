import * as pulumi from "@pulumi/pulumi";
import type { SignAuthFile } from "../../documents/sign-auth-file";
import { type DeepInput, RESOURCE_MODULE, registeredProperties } from "../../engine/program";
import { storedProvider } from "../../engine/shim";
import type { ReviewStatus } from "../../review/status";
import type { Purpose } from "../qualification/types";

import shim = require("../../shims/sms-signature");

import {
  type AppIcp,
  type ChannelType,
  PERSONAL_FIELDS,
  type ReportStatus,
  SECRET_PROPERTIES,
  SIGNATURE_TYPE,
  type SignatureBody,
  type SignatureControls,
  type SignatureOutputs,
  type SignatureSource,
  type SignatureStatus,
  type Trademark,
} from "./types";

export type SmsSignatureArgs = {
  [K in keyof (SignatureBody & SignatureControls)]: DeepInput<(SignatureBody & SignatureControls)[K]>;
};

const OUTPUTS = [
  "status",
  "qualificationStatus",
  "applyId",
  "rowId",
  "reviewStatus",
  "reviewOpinion",
  "reviewedAt",
  "usable",
  "approved",
  "updateReviewStatus",
  "updateReviewOpinion",
  "boundQualificationId",
  "boundQualificationName",
  "reportStatus",
] as const satisfies readonly (keyof SignatureOutputs)[];

const SHAPE = {
  personal: PERSONAL_FIELDS,
  holders: [...SECRET_PROPERTIES, "appIcpFileList", "trademarkFileList"],
  outputs: OUTPUTS,
};

/**
 * An SMS signature (短信签名) filed with Volcengine's ApplySmsSignatureV2 on a qualification (`SmsSignatureIdent`).
 *
 * Its content is its Pulumi id and what every SMS names. Filed only once its qualification is approved: until then it
 * is recorded as waiting, and the first `pulumi up` that finds the qualification approved files it. Other changes are
 * updates in place (reviewed again); a new content is a replacement; destroy deletes it from the account.
 */
export class SmsSignature extends pulumi.dynamic.Resource {
  /** The content: what sending names (`Sign`). */
  declare readonly id: pulumi.Output<pulumi.ID>;
  declare readonly content: pulumi.Output<string>;
  declare readonly source: pulumi.Output<SignatureSource>;
  declare readonly purpose: pulumi.Output<Purpose>;
  declare readonly qualificationId: pulumi.Output<string>;
  declare readonly subAccounts: pulumi.Output<string[] | undefined>;
  declare readonly channelTypes: pulumi.Output<ChannelType[] | undefined>;
  declare readonly desc: pulumi.Output<string | undefined>;
  declare readonly domain: pulumi.Output<string | undefined>;
  declare readonly scene: pulumi.Output<string | undefined>;
  declare readonly uploadFileList: pulumi.Output<SignAuthFile[] | undefined>;
  declare readonly appIcp: pulumi.Output<AppIcp | undefined>;
  declare readonly trademark: pulumi.Output<Trademark | undefined>;
  /** "filed", or "waiting-for-qualification" while its qualification is not approved (nothing filed yet). */
  declare readonly status: pulumi.Output<SignatureStatus>;
  /** While waiting: the qualification's review state as last read; "" once filed. */
  declare readonly qualificationStatus: pulumi.Output<ReviewStatus | "">;
  declare readonly applyId: pulumi.Output<string>;
  /** The list row's id now; it changes when the application becomes a signature. */
  declare readonly rowId: pulumi.Output<string>;
  declare readonly reviewStatus: pulumi.Output<ReviewStatus>;
  declare readonly reviewOpinion: pulumi.Output<string>;
  declare readonly reviewedAt: pulumi.Output<string>;
  /** Whether SMS can be sent with it (as Volcengine says). */
  declare readonly usable: pulumi.Output<boolean>;
  declare readonly approved: pulumi.Output<boolean>;
  /** The review of the last update: "none", "reviewing", "rejected", "approved". */
  declare readonly updateReviewStatus: pulumi.Output<SignatureOutputs["updateReviewStatus"]>;
  declare readonly updateReviewOpinion: pulumi.Output<string>;
  /** The qualification the account lists it with. */
  declare readonly boundQualificationId: pulumi.Output<string>;
  declare readonly boundQualificationName: pulumi.Output<string>;
  /** The carriers' filing after approval (7–10 working days), overall and per operator. */
  declare readonly reportStatus: pulumi.Output<ReportStatus>;

  constructor(name: string, args: SmsSignatureArgs, opts?: pulumi.CustomResourceOptions) {
    const properties = registeredProperties(args, SHAPE);
    super(storedProvider(shim), name, properties, opts, RESOURCE_MODULE, SIGNATURE_TYPE);
  }
}
