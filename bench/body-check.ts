/**
 * Outside any timing: the body our create sends must be byte for byte `JSON.stringify` of the body with each
 * `documentFile()` reference replaced by the file's `fileContent`, the way it was first built (structuredClone,
 * a base64 or data-URI string per file, JSON.stringify), which the create now writes straight into one buffer to
 * keep its peak memory down (item 7). Checked for both content formats, on the realistic qualification and on one
 * with awkward text (quotes, backslashes, control characters, U+2028, emoji) and files of every length mod 3.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DocType } from "../provider/documents/sign-auth-file";
import { image } from "../test/support/fixtures/documents";
import { documentInputs, MB, type Props, repoRoot, ScanProject, writeScans } from "./fixtures";
import { type Row, text } from "./table";

type Inline = typeof import("../provider/documents/inline");

/** The reference: what the provider sent before the change, computed independently of it. */
function referenceJson(body: Props, format: "dataUri" | "base64", projectDir: string): Buffer {
  const copy = structuredClone(body);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      const record = value as Props;
      if (record.document && typeof record.document.path === "string") {
        const base64 = fs.readFileSync(path.join(projectDir, record.document.path)).toString("base64");
        delete record.document;
        record.fileContent = format === "dataUri" ? `data:image/${String(record.fileSuffix)};base64,${base64}` : base64;
      }
      for (const [key, item] of Object.entries(record)) if (key !== "document") visit(item);
    }
  };
  visit(copy);
  return Buffer.from(JSON.stringify(copy), "utf8");
}

function awkwardInputs(project: ScanProject): Props {
  const inputs = documentInputs(project, '引号"反斜杠\\换行\n\u2028😀');
  inputs.businessInfo.legalPersonName = "李\t四\u0001\u007f</script>";
  project.write("len-0.png", image("png", 999, 5));
  project.write("len-1.png", image("png", 1000, 6));
  project.write("len-2.jpg", image("jpeg", 1001, 7));
  inputs.responsiblePersonInfo.personCertificate = [
    project.documentFile("len-0.png", DocType.ResponsiblePersonIdCardFront),
    project.documentFile("len-1.png", DocType.ResponsiblePersonIdCardBack),
  ];
  inputs.otherMaterials = [{ ...project.documentFile("len-2.jpg", DocType.Other), fileUrl: undefined }];
  inputs.powerOfAttorney = [
    { fileType: DocType.PowerOfAttorney, fileSuffix: "png", fileContent: "data:image/png;base64,iVBORw0KGgo=" },
  ];
  return inputs;
}

export async function checkSentBody(): Promise<Row[]> {
  const { inlineDocuments } = require(path.join(repoRoot, "dist", "provider", "documents", "inline.js")) as Inline;
  const project = new ScanProject();
  const previous = process.cwd();
  try {
    writeScans(project, MB);
    const bodies = { realistic: documentInputs(project), awkward: awkwardInputs(project) };
    process.chdir(project.dir); // the provider host's working directory is the project's
    for (const [name, body] of Object.entries(bodies)) {
      for (const format of ["dataUri", "base64"] as const) {
        const sent = await inlineDocuments(body, format);
        assert.deepEqual(sent.problems, []);
        assert.ok(
          sent.json.equals(referenceJson(body, format, project.dir)),
          `the ${name} body differs from the reference (${format})`,
        );
      }
    }
  } finally {
    process.chdir(previous);
    project.remove();
  }
  return [
    {
      item: 7,
      label: "create body = JSON.stringify of the inlined body, byte for byte (dataUri and base64)",
      figure: text("yes"),
    },
  ];
}
