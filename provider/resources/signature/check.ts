/** What `pulumi preview` checks of a signature's inputs, failure by failure, before anything is sent. */
import { type CheckFailure, failuresOf, fieldLabels } from "../../check/failures";
import { waitForApprovalFailures } from "../../check/wait-for-approval";
import { SIGN_AUTH_FILE_LABELS } from "../../documents/sign-auth-file";
import type { signatureSchema } from "./schema";

const LABELS = fieldLabels({
  content: "签名内容",
  source: "签名来源",
  purpose: "签名用途",
  qualificationId: "资质ID",
  subAccounts: "消息组",
  channelTypes: "通道类型",
  desc: "申请说明",
  domain: "网站域名",
  scene: "业务场景",
  uploadFileList: "证明材料",
  appIcp: "APP ICP备案",
  appIcpFilling: "ICP备案号",
  appIcpFileList: "ICP备案截图",
  trademark: "商标",
  trademarkCn: "商标中文名",
  trademarkEn: "商标英文名",
  trademarkNumber: "商标注册号",
  trademarkFileList: "商标证书",
  ...SIGN_AUTH_FILE_LABELS,
});

const schemas = new Map<number, ReturnType<typeof signatureSchema>>();

/** Validates a signature's inputs (without the controls); never throws, whatever the input. */
export function checkSignatureBody(body: unknown, maxContentChars: number): CheckFailure[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return [{ property: "", reason: "the resource inputs must be an object" }];
  }
  let schema = schemas.get(maxContentChars);
  if (schema === undefined) {
    // Required here, not at the top: a user's program that imports the package must not load zod.
    schema = (require("./schema") as typeof import("./schema")).signatureSchema(maxContentChars);
    schemas.set(maxContentChars, schema);
  }
  const result = schema.safeParse(body);
  return result.success ? [] : failuresOf(result.error.issues, body as Record<string, unknown>, LABELS);
}

export function checkSignatureControls(controls: Record<string, unknown>): CheckFailure[] {
  return waitForApprovalFailures(controls.waitForApproval);
}
