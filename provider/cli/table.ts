/** How the commands print a listing: a table aligned for a terminal that shows Chinese at double width, or JSON. */
import { redact } from "../redact";

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column] ?? ""))));
  const last = header.length - 1;
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === last ? cell : pad(cell, widths[column] ?? 0))).join("  ");
  return all.map(line).join("\n");
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Chinese characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Line by line: redaction shows a line break inside a value as an escape, and a listing has many lines. */
export function printRedacted(text: string): void {
  process.stdout.write(
    `${text
      .split("\n")
      .map((line) => redact(line))
      .join("\n")}\n`,
  );
}
