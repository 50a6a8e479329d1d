/** The rows every measurement returns, and the one table they are printed as (Markdown, aligned for a terminal). */
import type { Summary } from "./stats";

export type Figure =
  | { kind: "time"; summary: Summary }
  | { kind: "ratio"; summary: Summary }
  | { kind: "bytes"; bytes: number }
  /** Bytes that vary from run to run (memory). */
  | { kind: "bytes-summary"; summary: Summary }
  | { kind: "text"; text: string };

export interface Target {
  /** As printed, e.g. "≤ 1.2×". */
  text: string;
  met: boolean;
}

export interface Row {
  /** The item number, 1–7; 8 to 10 are the scale issue's. */
  item: number;
  label: string;
  figure: Figure;
  target?: Target;
  /** Why, printed under the table when the target is missed. */
  whenMissed?: string;
}

export const time = (summary: Summary): Figure => ({ kind: "time", summary });
export const ratio = (summary: Summary): Figure => ({ kind: "ratio", summary });
export const bytes = (value: number): Figure => ({ kind: "bytes", bytes: value });
export const text = (value: string): Figure => ({ kind: "text", text: value });

export function formatTime(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`;
  if (ms < 1000) return `${ms.toPrecision(3)} ms`;
  return `${(ms / 1000).toPrecision(3)} s`;
}

export function formatRatio(value: number): string {
  return value >= 100 ? `${value.toFixed(0)}×` : `${value.toPrecision(3)}×`;
}

export function formatBytes(value: number): string {
  const grouped = Math.round(value).toLocaleString("en-US");
  if (Math.abs(value) < 1024) return `${grouped} B`;
  if (Math.abs(value) < 1024 * 1024) return `${grouped} B (${(value / 1024).toFixed(2)} KB)`;
  return `${(value / (1024 * 1024)).toFixed(1)} MB`;
}

function cells(figure: Figure): [string, string, string] {
  switch (figure.kind) {
    case "time":
      return [formatTime(figure.summary.median), formatTime(figure.summary.min), formatTime(figure.summary.max)];
    case "ratio":
      return [formatRatio(figure.summary.median), formatRatio(figure.summary.min), formatRatio(figure.summary.max)];
    case "bytes-summary":
      return [formatBytes(figure.summary.median), formatBytes(figure.summary.min), formatBytes(figure.summary.max)];
    case "bytes":
      return [formatBytes(figure.bytes), "—", "—"];
    case "text":
      return [figure.text, "—", "—"];
  }
}

export const HEADER = ["#", "Measurement", "Median", "Min", "Max", "Target", "Met"];

export function tableLines(rows: readonly Row[]): string[] {
  const body = rows.map((row) => {
    const [median, min, max] = cells(row.figure);
    return [
      String(row.item),
      row.label,
      median,
      min,
      max,
      row.target?.text ?? "",
      row.target ? (row.target.met ? "yes" : "**no**") : "",
    ];
  });
  const widths = HEADER.map((h, column) => Math.max(width(h), ...body.map((cols) => width(cols[column] ?? ""))));
  const line = (cols: string[]) => `| ${cols.map((c, i) => c + " ".repeat((widths[i] ?? 0) - width(c))).join(" | ")} |`;
  return [line(HEADER), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)];
}

/** Display width: CJK characters take two columns in a terminal. */
function width(value: string): number {
  let columns = 0;
  for (const ch of value)
    columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return columns;
}
