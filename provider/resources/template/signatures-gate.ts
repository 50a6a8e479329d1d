/**
 * A template is filed only with approved signatures. A new stack declares them together, so a template whose
 * signatures are not approved yet is not an error: it waits (nothing is filed) until an `up` finds them approved. A
 * signature that can never take it (rejected, closed) is an error naming it when something would be filed; a
 * refresh only reports it (a refresh that fails cannot show the rejection).
 */

import { signatureApiVersion } from "../../api/signature/version";
import type { Context } from "../../engine/context";
import { VolcengineError } from "../../errors";
import type { ActionClient } from "../../http/client";
import { type Refusal, unlessRefused } from "../../review/refusal";
import { lookUpSignature } from "../signature/lookup";
import { reviewOfRow } from "../signature/status";
import { TemplateErrorCode } from "./errors";

export type SignaturesGate = { ready: true } | { ready: false; waitingFor: string[]; why: string };

/** A signature that can never take the template, and what the template waits for then. */
export type SignatureRefusal = Refusal & { waitingFor: string[] };

type GateTemplate = { name: string; signatures: readonly string[] };

export async function signaturesGate(
  context: Context,
  client: ActionClient,
  template: GateTemplate,
  action: string,
): Promise<SignaturesGate> {
  return unlessRefused<SignaturesGate>(await assessSignatures(context, client, template, action));
}

export async function assessSignatures(
  context: Context,
  client: ActionClient,
  template: GateTemplate,
  action: string,
): Promise<SignaturesGate | SignatureRefusal> {
  const version = signatureApiVersion(context.setting("signatureApiVersion"), action);
  const waiting: string[] = [];
  const states: string[] = [];
  for (const content of template.signatures) {
    const row = await lookUpSignature(context, client, version, content);
    const review = row ? reviewOfRow(row) : undefined;
    if (review?.reviewStatus === "rejected" || review?.reviewStatus === "closed") {
      const refused = new VolcengineError({
        kind: "input",
        action,
        code: TemplateErrorCode.SignatureNotUsable,
        message:
          `template "${template.name}": signature "${content}" is ${review.reviewStatus}` +
          `${review.reviewOpinion ? ` (${review.reviewOpinion})` : ""}, so no template can be filed with it; ` +
          "nothing was filed",
        hint: "fix the signature (its resource shows what to do), or leave it out of signatures",
      });
      return { refused, waitingFor: [content] };
    }
    if (!(review && (review.reviewStatus === "approved" || review.reviewStatus === "exempted") && review.usable)) {
      waiting.push(content);
      states.push(`"${content}" ${row === undefined ? "not filed yet" : review?.reviewStatus}`);
    }
  }
  return waiting.length === 0
    ? { ready: true }
    : { ready: false, waitingFor: waiting, why: `signature ${states.join(", ")}` };
}
