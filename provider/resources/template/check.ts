/** What `pulumi preview` checks of a template's inputs, failure by failure, before anything is sent. */
import { type CheckFailure, failuresOf, fieldLabels } from "../../check/failures";
import type { templateSchema } from "./schema";

const LABELS = fieldLabels({
  name: "模板名称",
  content: "模板内容",
  channelType: "模板类型",
  signatures: "关联签名",
  subAccounts: "消息组",
  desc: "申请说明",
  templateParams: "变量",
  "templateParams.name": "变量名",
  "templateParams.content": "变量示例",
  paramType: "变量类型",
  shortUrlConfig: "短链配置",
  isEnabled: "是否开启",
  isNeedClickDetails: "点击详情",
  uaCheckStrategy: "UA校验策略",
});

let cachedSchema: ReturnType<typeof templateSchema> | undefined;

/** Validates a template's inputs; never throws, whatever the input. */
export function checkTemplateBody(body: unknown): CheckFailure[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return [{ property: "", reason: "the resource inputs must be an object" }];
  }
  // Required here, not at the top: a user's program that imports the package must not load zod.
  cachedSchema ??= (require("./schema") as typeof import("./schema")).templateSchema();
  const result = cachedSchema.safeParse(body);
  return result.success ? [] : failuresOf(result.error.issues, body as Record<string, unknown>, LABELS);
}
