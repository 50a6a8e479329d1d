/** `pulumi-volcengine-sms templates`: the account's V2 templates, each signature's copy with its review. */
import { COMMON_USAGE, type Command } from "../../cli/command";
import { stackSettingsOf } from "../../cli/stack-config";
import { formatTable, printRedacted } from "../../cli/table";
import { Capabilities, createContext } from "../../engine/context";
import { redact } from "../../redact";
import { listTemplates, secondTemplatesOf } from "./lookup";
import { secondTemplateOutput } from "./status";
import { TEMPLATE_TYPE } from "./types";

export const templatesCommand: Command = {
  summary: "the account's SMS templates (短信模板, V2) with each signature's review",
  usage: `Usage: pulumi-volcengine-sms templates [--name NAME] [--json] [--stack STACK]

Lists the Volcengine account's SMS templates of the V2 system (短信模板): the template id, name and kind, and for
each signature its second-level template id (the id to send with), review status and the reviewer's reason.

  --name NAME      only those named exactly NAME
${COMMON_USAGE}`,
  options: { name: { type: "string" } },

  async run(values) {
    const name = values.name as string | undefined;
    const { settings, source } = stackSettingsOf(values.stack as string | undefined);
    const print = (message: string) => process.stderr.write(`${redact(message)}\n`);
    const context = createContext({
      resourceType: TEMPLATE_TYPE,
      stackSettings: settings,
      capabilities: new Capabilities(),
      print: { warn: print, warnOnce: print },
    });
    const client = context.clientFor("ListSmsTemplateV2SDK");
    const templates = (await listTemplates(client, name === undefined ? {} : { name })).filter(
      (template) => name === undefined || template.name === name,
    );
    const listed = [];
    for (const template of templates) {
      const seconds = (await secondTemplatesOf(client, template.templateId)).map(secondTemplateOutput);
      listed.push({ ...template, secondTemplates: seconds });
    }
    if (values.json) {
      printRedacted(JSON.stringify(listed, null, 2));
      return 0;
    }
    const header = ["TEMPLATE ID", "NAME", "KIND", "SIGNATURE", "SEND WITH", "STATUS", "REASON"];
    const rows = listed.flatMap((template) =>
      (template.secondTemplates.length > 0 ? template.secondTemplates : [undefined]).map((second) => [
        template.templateId,
        template.name,
        template.channelType,
        second?.signature ?? "-",
        second?.secondTemplateId ?? "-",
        second?.reviewStatus ?? "-",
        second?.reviewOpinion || "-",
      ]),
    );
    printRedacted(formatTable(header, rows));
    process.stderr.write(`${listed.length} template(s); credentials from ${source}\n`);
    return 0;
  },
};
