/** One regular expression from pieces written on several lines: their sources joined, in order. */
export function pattern(...pieces: RegExp[]): RegExp {
  return new RegExp(pieces.map((piece) => piece.source).join(""));
}
