/**
 * `pulumi-volcengine-sms qualifications`: the account's qualifications with their review state, to find the id to
 * adopt or what to clean up in the console.
 */

import { COMMON_USAGE, type Command } from "../../cli/command";
import { stackSettingsOf, UsageError } from "../../cli/stack-config";
import { formatTable, printRedacted } from "../../cli/table";
import { Capabilities, createContext } from "../../engine/context";
import { redact } from "../../redact";
import { AUDIT_STATUS, type KnownReviewStatus } from "../../review/status";
import { listQualifications } from "./lookup";
import { QUALIFICATION_TYPE } from "./types";

const STATUSES: readonly string[] = Object.values(AUDIT_STATUS);

export const qualificationsCommand: Command = {
  summary: "the account's SMS signature qualifications (短信签名资质) with their review state",
  usage: `Usage: pulumi-volcengine-sms qualifications [--name NAME] [--status STATUS] [--json]
                                                      [--stack STACK]

Lists the Volcengine account's SMS signature qualifications (短信签名资质): id, name, review status, the
reviewer's reason and when it was reviewed.

  --name NAME      only those named exactly NAME (materialName)
  --status STATUS  only those in one state: ${STATUSES.join(", ")}
${COMMON_USAGE}`,
  options: { name: { type: "string" }, status: { type: "string" } },

  async run(values) {
    const status = values.status as string | undefined;
    if (status !== undefined && !STATUSES.includes(status)) {
      throw new UsageError(`--status must be one of ${STATUSES.join(", ")}`);
    }
    const { settings, source } = stackSettingsOf(values.stack as string | undefined);
    const print = (message: string) => process.stderr.write(`${redact(message)}\n`);
    const context = createContext({
      resourceType: QUALIFICATION_TYPE,
      stackSettings: settings,
      capabilities: new Capabilities(),
      print: { warn: print, warnOnce: print },
    });
    const client = context.clientFor("GetSignatureIdentificationList");
    const filter = { materialName: values.name as string | undefined, status: status as KnownReviewStatus | undefined };
    const { items, conclusive } = await listQualifications(context, client, filter);
    if (values.json) {
      printRedacted(JSON.stringify(items, null, 2));
      return 0;
    }
    const header = ["ID", "NAME", "STATUS", "REVIEWED AT", "REASON"];
    const rows = items.map((q) => [
      q.id,
      q.materialName ?? "",
      q.reviewStatus,
      q.reviewedAt || "-",
      q.reviewOpinion || "-",
    ]);
    printRedacted(formatTable(header, rows));
    const scope = conclusive ? "" : " (approved ones only: this account lists no others)";
    process.stderr.write(`${items.length} qualification(s)${scope}; credentials from ${source}\n`);
    return 0;
  },
};
