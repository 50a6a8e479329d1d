/**
 * What a resource waiting for another one (a signature for its qualification, a template for its signatures) is told
 * when that one can never take it: rejected, closed, missing. Create and update throw it; a refresh only says it,
 * since a refresh that fails cannot show the rejection.
 */
import type { VolcengineError } from "../errors";

export interface Refusal {
  refused: VolcengineError;
}

/** The gate's answer, or its refusal thrown: for what would file something. */
export function unlessRefused<Gate extends object>(gate: Gate | Refusal): Gate {
  if ("refused" in gate) throw gate.refused;
  return gate;
}

/** The line a refresh prints for a refusal: what happened and what to do, without the action's error framing. */
export function refusalLine({ refused }: Refusal): string {
  return `${refused.detail}. Next: ${refused.hint}`;
}
