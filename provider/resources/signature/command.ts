/**
 * `pulumi-volcengine-sms signatures`: the account's signatures and applications with their review, the carriers'
 * filing and the qualification they are filed on, to find one a resource could take or what to clean up.
 */
import { signatureApiVersion } from "../../api/signature/version";
import { COMMON_USAGE, type Command } from "../../cli/command";
import { stackSettingsOf, UsageError } from "../../cli/stack-config";
import { formatTable, printRedacted } from "../../cli/table";
import { Capabilities, createContext } from "../../engine/context";
import { redact } from "../../redact";
import { AUDIT_STATUS } from "../../review/status";
import { listSignatureRows } from "./lookup";
import { reportOfRow, reviewOfRow } from "./status";
import { SIGNATURE_TYPE } from "./types";

const STATUSES: readonly string[] = Object.values(AUDIT_STATUS);

export const signaturesCommand: Command = {
  summary: "the account's SMS signatures (短信签名) with review, carriers' filing and qualification",
  usage: `Usage: pulumi-volcengine-sms signatures [--content CONTENT] [--status STATUS] [--json] [--stack STACK]

Lists the Volcengine account's SMS signatures and the applications under review (短信签名): content, review
status, the reviewer's reason, the carriers' filing and the qualification each is filed on.

  --content TEXT   only the signature of exactly this content
  --status STATUS  only those in one review state: ${STATUSES.join(", ")}
${COMMON_USAGE}`,
  options: { content: { type: "string" }, status: { type: "string" } },

  async run(values) {
    const status = values.status as string | undefined;
    if (status !== undefined && !STATUSES.includes(status)) {
      throw new UsageError(`--status must be one of ${STATUSES.join(", ")}`);
    }
    const content = values.content as string | undefined;
    const { settings, source } = stackSettingsOf(values.stack as string | undefined);
    const print = (message: string) => process.stderr.write(`${redact(message)}\n`);
    const context = createContext({
      resourceType: SIGNATURE_TYPE,
      stackSettings: settings,
      capabilities: new Capabilities(),
      print: { warn: print, warnOnce: print },
    });
    const action = "GetSignatureAndOrderList";
    const version = signatureApiVersion(context.setting("signatureApiVersion"), action);
    const rows = (await listSignatureRows(context.clientFor(action), version, content))
      .filter((row) => content === undefined || row.content === content)
      .map((row) => ({ row, review: reviewOfRow(row), report: reportOfRow(row) }))
      .filter(({ review }) => status === undefined || review.reviewStatus === status);
    if (values.json) {
      const listed = rows.map(({ row, review, report }) => ({ ...row, ...review, reportStatus: report }));
      printRedacted(JSON.stringify(listed, null, 2));
      return 0;
    }
    const header = ["CONTENT", "ROW ID", "STATUS", "CARRIERS", "QUALIFICATION", "REASON"];
    const table = rows.map(({ row, review, report }) => [
      row.content,
      row.id,
      row.isOrder ? `${review.reviewStatus} (application)` : review.reviewStatus,
      report.status,
      row.identificationId || "-",
      review.reviewOpinion || "-",
    ]);
    printRedacted(formatTable(header, table));
    process.stderr.write(`${rows.length} signature(s); credentials from ${source}\n`);
    return 0;
  },
};
