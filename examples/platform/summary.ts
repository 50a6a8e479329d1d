/** Where each company stands after a run: its outcome, the words of its progress line, and the table at the end. */
import type { CompanyOutputs } from "./program";

/**
 * filed: the signature is filed (its review follows); waiting: the qualification is under review, the signature not
 * filed yet; rejected: a reviewer refused one of them (fix the row, run again); failed: the run did not finish.
 */
export type Outcome =
  | { kind: "filed" | "waiting" }
  | { kind: "rejected"; reason: string }
  | { kind: "failed"; reason: string };

export interface Report {
  company: string;
  stack: string;
  outputs?: CompanyOutputs;
  outcome: Outcome;
}

export function outcomeOf(outputs: CompanyOutputs): Outcome {
  const reviews = [
    ["qualification", outputs.reviewStatus, outputs.reviewOpinion],
    ["signature", outputs.signatureReviewStatus, outputs.signatureReviewOpinion],
  ] as const;
  for (const [what, status, opinion] of reviews) {
    if (status === "rejected" || status === "closed")
      return { kind: "rejected", reason: `${what}: ${opinion || status}` };
  }
  return { kind: outputs.signatureStatus === "filed" ? "filed" : "waiting" };
}

/** `qualification 9007199254740993 reviewing; signature waiting` */
export function describeOutputs(outputs: CompanyOutputs): string {
  const parts = [
    `qualification ${outputs.qualificationId} ${outputs.reviewStatus}`,
    `signature ${signatureText(outputs)}`,
  ];
  if (outputs.templateStatus) parts.push(`template ${outputs.templateStatus === "filed" ? "filed" : "waiting"}`);
  return parts.join("; ");
}

function signatureText(outputs: CompanyOutputs): string {
  return outputs.signatureStatus === "filed" ? `filed, ${outputs.signatureReviewStatus}` : "waiting";
}

export function outcomeText(outcome: Outcome): string {
  return "reason" in outcome ? `${outcome.kind}: ${outcome.reason}` : outcome.kind;
}

export function summaryTable(reports: readonly Report[]): string {
  const rows = [
    ["company", "stack", "qualification", "signature", "outcome"],
    ...reports.map(({ company, stack, outputs, outcome }) => [
      company,
      stack,
      outputs ? `${outputs.qualificationId} ${outputs.reviewStatus}` : "-",
      outputs ? signatureText(outputs) : "-",
      outcomeText(outcome),
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? "")))) ?? [];
  return rows
    .map((row) => row.map((cell, column) => cell + " ".repeat((widths[column] ?? 0) - displayWidth(cell))).join("  "))
    .map((line) => line.trimEnd())
    .join("\n");
}

/** Columns a terminal gives the text: Chinese characters and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(character) ? 2 : 1;
  return width;
}
