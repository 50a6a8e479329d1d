import { ErrorCode, VolcengineError } from "../../errors";
import type { ActionClient } from "../../http/client";
import { type Fields, isFields, textField } from "../result";
import { SMS_API_VERSION } from "../sms";
import { type SecondTemplate, secondTemplateOf } from "./list-second-template";

/** The V2 template system's filing (the `SDK` suffix is the action's name); templates of the old system are no longer
 * reported to the carriers. */
export const APPLY_SMS_TEMPLATE_V2_SDK = "ApplySmsTemplateV2SDK";

const HINTS = { "1027": "the account reached its daily limit of new templates: run again tomorrow" };

export interface AppliedTemplate {
  templateId: string;
  secondTemplates: SecondTemplate[];
  requestId: string;
}

/** Files a template; never repeated once it may have reached Volcengine (a filing starts a review per signature). */
export async function applySmsTemplateV2Sdk(
  client: ActionClient,
  request: { json: string; name: string; ifAmbiguous: string },
): Promise<AppliedTemplate> {
  const { result, requestId, httpStatus } = await client.call({
    action: APPLY_SMS_TEMPLATE_V2_SDK,
    version: SMS_API_VERSION,
    body: request.json,
    repeatable: false,
    ifAmbiguous: request.ifAmbiguous,
    hints: HINTS,
  });
  const templateId = textField(result.templateId);
  if (templateId === "") {
    throw new VolcengineError({
      kind: "response",
      action: APPLY_SMS_TEMPLATE_V2_SDK,
      code: ErrorCode.InvalidResponse,
      httpStatus,
      requestId,
      message: `the answer has no Result.templateId, so template "${request.name}" was probably filed`,
      hint: request.ifAmbiguous,
      mayHaveBeenFiled: true,
    });
  }
  const seconds = Array.isArray(result.secondTemplates) ? result.secondTemplates.filter(isFields) : [];
  return {
    templateId,
    secondTemplates: seconds.map((fields: Fields) => secondTemplateOf(fields, templateId)),
    requestId,
  };
}
