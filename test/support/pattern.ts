/** One regular expression from pieces written on several lines: their sources joined, in order; strings literally. */
export function pattern(...pieces: (RegExp | string)[]): RegExp {
  const source = (piece: RegExp | string) =>
    typeof piece === "string" ? piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : piece.source;
  return new RegExp(pieces.map(source).join(""));
}
