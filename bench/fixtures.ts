/** Inputs, scans and request bodies the measurements share. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { documentFile } from "../provider/documents/document-file";
import { DocType } from "../provider/documents/sign-auth-file";
import { image } from "../test/support/fixtures/documents";
import { validInputs as qualificationInputs } from "../test/support/fixtures/qualification";

export const repoRoot = path.resolve(__dirname, "..");
export const KB = 1024;
export const MB = 1024 * 1024;
export const APPLY_ACTION = "ApplySignatureIdent";
export { SMS_API_VERSION as SMS_VERSION } from "../provider/api/sms";

export type Props = Record<string, any>;

/**
 * The tests' qualification: it passes every check. The benchmark files it again and again: the duplicate guard (one
 * list request before each filing) would refuse that, and what is measured here is the filing itself.
 */
export function validInputs(): Props {
  return { ...qualificationInputs(), allowDuplicateName: true };
}

/**
 * A Pulumi project directory in the temp dir, as a user has one: `documents/` holds the scans, and
 * `node_modules` points at this checkout's, so the provider host started here resolves `pulumi-volcengine-sms`.
 */
export class ScanProject {
  readonly dir: string;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "sms-bench-"));
    fs.mkdirSync(path.join(this.dir, "documents"));
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(this.dir, "node_modules"), "dir");
  }

  write(name: string, bytes: Buffer): string {
    const file = path.join(this.dir, "documents", name);
    fs.writeFileSync(file, bytes);
    return file;
  }

  /** `documentFile()` as the program calls it: from the project directory, with a path relative to it. */
  documentFile(name: string, fileType: number) {
    const previous = process.cwd();
    process.chdir(this.dir);
    try {
      return documentFile(`documents/${name}`, { fileType: fileType as DocType });
    } finally {
      process.chdir(previous);
    }
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export const SCAN_NAMES = {
  licence: "business-licence.jpg",
  front: "operator-id-front.png",
  back: "operator-id-back.png",
} as const;

/** Writes the three scans of a realistic qualification (licence, operator ID front and back), `size` bytes each. */
export function writeScans(project: ScanProject, size: number): void {
  project.write(SCAN_NAMES.licence, image("jpeg", size, 1));
  project.write(SCAN_NAMES.front, image("png", size, 2));
  project.write(SCAN_NAMES.back, image("png", size, 3));
}

/**
 * A realistic qualification: the licence and the operator's ID card front and back as `documentFile()` scans,
 * the responsible person's and legal person's certificate lists empty.
 */
export function documentInputs(project: ScanProject, materialName = "示例科技短信资质"): Props {
  const inputs = validInputs();
  inputs.materialName = materialName;
  inputs.businessInfo.businessCertificate = project.documentFile(SCAN_NAMES.licence, DocType.BusinessLicense);
  inputs.operatorPerson.personCertificate = [
    project.documentFile(SCAN_NAMES.front, DocType.OperatorIdCardFront),
    project.documentFile(SCAN_NAMES.back, DocType.OperatorIdCardBack),
  ];
  inputs.responsiblePersonInfo.personCertificate = [];
  inputs.legalPerson.personCertificate = [];
  return inputs;
}

/**
 * The same qualification with the scans inline as raw base64 `fileContent`, as a program without `documentFile()`
 * passes them.
 */
export function base64Inputs(project: ScanProject): Props {
  const inputs = documentInputs(project);
  const inline = (file: Props) => {
    const { document, ...rest } = file;
    return { ...rest, fileContent: fs.readFileSync(path.join(project.dir, document.path)).toString("base64") };
  };
  inputs.businessInfo.businessCertificate = inline(inputs.businessInfo.businessCertificate);
  inputs.operatorPerson.personCertificate = inputs.operatorPerson.personCertificate.map(inline);
  return inputs;
}

/**
 * An ApplySignatureIdent body (JSON text) of exactly `size` bytes: the fixture qualification whose licence scan is
 * a data URI padded with base64 to the size. Below the fixture's own size the fixture is returned as is.
 */
export function applyBodyOfSize(size: number): string {
  const inputs = validInputs();
  const base = Buffer.byteLength(JSON.stringify(inputs));
  const certificate = inputs.businessInfo.businessCertificate;
  const prefix = "data:image/png;base64,";
  const room = size - base + certificate.fileContent.length - prefix.length;
  if (room <= 0) return JSON.stringify(inputs);
  certificate.fileContent = prefix + Buffer.alloc(Math.floor(room / 4) * 3, 0x5a).toString("base64");
  const body = JSON.stringify(inputs);
  // Whole base64 quanta only; the last few bytes are whitespace, which JSON allows.
  return body + " ".repeat(size - Buffer.byteLength(body));
}
