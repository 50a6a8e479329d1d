import * as pulumi from "@pulumi/pulumi";
import { type DeepInput, RESOURCE_MODULE, registeredProperties } from "../../engine/program";
import { storedProvider } from "../../engine/shim";
import type { ChannelType } from "../signature/types";

import shim = require("../../shims/sms-template");

import {
  type SecondTemplateOutput,
  type ShortUrlConfig,
  TEMPLATE_TYPE,
  type TemplateBody,
  type TemplateOutputs,
  type TemplateParam,
  type TemplateStatus,
} from "./types";

export type SmsTemplateArgs = { [K in keyof TemplateBody]: DeepInput<TemplateBody[K]> };

const OUTPUTS = [
  "status",
  "templateId",
  "waitingFor",
  "secondTemplates",
  "sendWith",
] as const satisfies readonly (keyof TemplateOutputs)[];

/** A template holds no personal data: nothing is secret. */
const SHAPE = { personal: [], holders: [], outputs: OUTPUTS };

/**
 * An SMS template (短信模板) of the V2 system, filed with ApplySmsTemplateV2SDK for one or more signatures.
 *
 * Filed only once its signatures are approved: until then it is recorded as waiting, and the first `pulumi up` that
 * finds them approved files it. Adding signatures is an update in place; any other change, and removing a signature, a
 * replacement. Each signature gets a second-level template (`S2T_…`) reviewed on its own; destroy leaves the template
 * on the account (no delete action is documented).
 */
export class SmsTemplate extends pulumi.dynamic.Resource {
  /** `S1T_…` once filed (a placeholder while waiting). */
  declare readonly id: pulumi.Output<pulumi.ID>;
  declare readonly name: pulumi.Output<string>;
  declare readonly content: pulumi.Output<string>;
  declare readonly channelType: pulumi.Output<ChannelType>;
  declare readonly signatures: pulumi.Output<string[]>;
  declare readonly subAccounts: pulumi.Output<string[] | undefined>;
  declare readonly desc: pulumi.Output<string | undefined>;
  declare readonly templateParams: pulumi.Output<TemplateParam[] | undefined>;
  declare readonly shortUrlConfig: pulumi.Output<ShortUrlConfig | undefined>;
  /** "filed", or "waiting-for-signatures" while a signature is not approved (nothing filed yet). */
  declare readonly status: pulumi.Output<TemplateStatus>;
  /** `S1T_…`; "" while waiting. */
  declare readonly templateId: pulumi.Output<string>;
  /** While waiting: the signatures not approved yet. */
  declare readonly waitingFor: pulumi.Output<string[]>;
  /** One per signature: its `S2T_…` id, review status and reason, and whether SMS can be sent with it. */
  declare readonly secondTemplates: pulumi.Output<SecondTemplateOutput[]>;
  /** The id to send with, by signature, for the approved ones. */
  declare readonly sendWith: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: SmsTemplateArgs, opts?: pulumi.CustomResourceOptions) {
    const properties = registeredProperties(args, SHAPE);
    super(storedProvider(shim), name, properties, opts, RESOURCE_MODULE, TEMPLATE_TYPE);
  }
}
