/**
 * The companies file: one row per client company, as YAML (a list of mappings) or CSV (a header row), with the same
 * columns. Each row is checked before any stack runs, with the provider's own rules for the qualification, so that a
 * mistake costs no Pulumi run and is reported by row and column, never with the value (it may be an ID number).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { checkSignatureIdentBody } from "pulumi-volcengine-sms";
import { parse as parseYaml } from "yaml";
import { qualificationArgs } from "./program";

const REQUIRED = [
  "companyName",
  "creditCode",
  "legalPersonName",
  "licenceValidFrom",
  "licenceValidTo",
  "licenceScan",
  "signature",
  "operatorName",
  "operatorIdNumber",
  "operatorMobile",
  "operatorIdFront",
  "operatorIdBack",
  "responsibleName",
  "responsibleIdNumber",
  "responsibleMobile",
  "responsibleIdFront",
  "responsibleIdBack",
] as const;
const OPTIONAL = ["signatureDesc", "templateName", "templateContent"] as const;
const SCANS = ["licenceScan", "operatorIdFront", "operatorIdBack", "responsibleIdFront", "responsibleIdBack"] as const;

type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** A checked row; scan columns hold absolute paths. */
export type Company = { row: number } & Record<(typeof REQUIRED)[number], string> &
  Partial<Record<(typeof OPTIONAL)[number], string>>;

/** A row that failed its check: what to report instead of running its stack. */
export interface InvalidRow {
  row: number;
  /** The company's name when that column is fine, to say which row this is. */
  companyName?: string;
  problems: string[];
}

/** The column behind each field the provider's check may name. */
const COLUMN_OF_FIELD = new Map<string, Column>([
  ["businessInfo.businessCertificateName", "companyName"],
  ["businessInfo.unifiedSocialCreditIdentifier", "creditCode"],
  ["businessInfo.legalPersonName", "legalPersonName"],
  ["businessInfo.businessCertificateValidityPeriodStart", "licenceValidFrom"],
  ["businessInfo.businessCertificateValidityPeriodEnd", "licenceValidTo"],
  ["businessInfo.businessCertificate", "licenceScan"],
  ["operatorPerson.personName", "operatorName"],
  ["operatorPerson.personIDCard", "operatorIdNumber"],
  ["operatorPerson.personMobile", "operatorMobile"],
  ["responsiblePersonInfo.personName", "responsibleName"],
  ["responsiblePersonInfo.personIDCard", "responsibleIdNumber"],
  ["responsiblePersonInfo.personMobile", "responsibleMobile"],
  ["effectSignatures", "signature"],
  ["materialName", "signature"],
]);

/** The rows of a .yaml/.yml or .csv file, as text values (YAML's failsafe schema: no number loses a digit). */
export function readRows(file: string): unknown[] {
  const text = fs.readFileSync(file, "utf8");
  const extension = path.extname(file).toLowerCase();
  if (![".csv", ".yaml", ".yml"].includes(extension)) {
    throw new Error(`${file}: the companies file must end with .yaml, .yml or .csv`);
  }
  let rows: unknown;
  try {
    rows =
      extension === ".csv"
        ? parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true })
        : parseYaml(text, { schema: "failsafe" });
  } catch (error) {
    // The parsers quote the offending line after the first: it may hold an ID number.
    throw new Error(`${file}: ${String((error as Error).message).split("\n")[0]}`);
  }
  if (!Array.isArray(rows)) throw new Error(`${file}: must hold a list of companies`);
  return rows;
}

/** Checks every row; a duplicate credit code is a problem too, as each code names one stack. */
export function checkRows(rows: readonly unknown[], baseDir: string): (Company | InvalidRow)[] {
  const seen = new Map<string, number>();
  return rows.map((value, index) => {
    const checked = checkRow(value, index + 1, baseDir);
    if ("problems" in checked) return checked;
    const first = seen.get(checked.creditCode);
    if (first !== undefined) {
      return {
        row: checked.row,
        companyName: checked.companyName,
        problems: [`creditCode: the same as row ${first}'s`],
      };
    }
    seen.set(checked.creditCode, checked.row);
    return checked;
  });
}

function checkRow(value: unknown, row: number, baseDir: string): Company | InvalidRow {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { row, problems: ["must be a mapping of column: value"] };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const company: Record<string, string | number> = { row };
  const known: readonly string[] = [...REQUIRED, ...OPTIONAL];
  const unknown = Object.keys(record).filter((column) => !known.includes(column));
  if (unknown.length > 0) {
    // A CSV without its header row makes the first company's values column names: those are not repeated.
    const shown = unknown.map((column) => (/^[A-Za-z][A-Za-z0-9_]*$/.test(column) ? column : "?"));
    problems.push(`unknown columns ${shown.join(", ")} (a typo? "?" is not a name: a CSV without its header row?)`);
  }
  for (const column of [...REQUIRED, ...OPTIONAL]) {
    const cell = record[column];
    // CSV has no absent cell, only an empty one.
    if (cell === undefined || cell === null || cell === "") {
      if (!(OPTIONAL as readonly string[]).includes(column)) problems.push(`${column}: is required`);
    } else if (typeof cell !== "string") problems.push(`${column}: must be text, not a list or a mapping`);
    else company[column] = cell;
  }
  for (const column of SCANS) {
    const file = company[column];
    if (typeof file !== "string") continue;
    company[column] = path.resolve(baseDir, file);
    if (!fs.statSync(company[column], { throwIfNoEntry: false })?.isFile()) {
      problems.push(`${column}: no such file ${file} (relative to the companies file)`);
    }
  }
  if ((company.templateName === undefined) !== (company.templateContent === undefined)) {
    problems.push("templateName, templateContent: give both for a template, or neither");
  }
  if (problems.length === 0) problems.push(...qualificationProblems(company as Company));
  const name = problems.some((problem) => problem.startsWith("companyName:")) ? undefined : record.companyName;
  return problems.length > 0
    ? { row, companyName: typeof name === "string" ? name : undefined, problems }
    : (company as Company);
}

/** The provider's check of the qualification this row files, each failure named by the column it comes from. */
function qualificationProblems(company: Company): string[] {
  return checkSignatureIdentBody(qualificationArgs(company, company)).map(({ reason }) => {
    // A reason is `path: rule (中文名)`, the path as in `effectSignatures[0]`.
    const field = reason.slice(0, reason.indexOf(": "));
    const column = COLUMN_OF_FIELD.get(field.replace(/\[\d+\]$/, ""));
    return column ? `${column}${reason.slice(field.length)}` : reason;
  });
}
