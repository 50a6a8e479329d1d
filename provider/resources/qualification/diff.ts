/**
 * A qualification's diff policy: the API can neither update nor delete one, so every changed input files a new one (a
 * replacement). Of the inputs that steer the provider only `adoptId` can matter: naming a qualification other than
 * the one in the state adopts that one (a replacement that files nothing); naming this one, or removing it, changes
 * nothing.
 */
import { changedProperties } from "../../engine/diff";
import { type Props, withoutAbsent } from "../../engine/inputs";
import { INPUT_PROPERTIES, type InputProperty } from "./types";

export interface SignatureIdentDiff {
  changes: boolean;
  replaces: (InputProperty | "adoptId")[];
  /** The changed fields by path, e.g. `operatorPerson.personMobile`, for the one line that names them. */
  changedPaths: string[];
}

export function diffSignatureIdent(id: string, olds: Props, news: Props): SignatureIdentDiff {
  const changes = changedProperties(INPUT_PROPERTIES, olds, news, {
    effectSignatures: (before, after) => !isCoveredBy(after, before),
  });
  const replaces: SignatureIdentDiff["replaces"] = changes.map(({ property }) => property as InputProperty);
  const changedPaths = changes.flatMap(({ paths }) => paths);
  const adoptId = withoutAbsent(news.adoptId);
  if (adoptId !== undefined && adoptId !== id) {
    replaces.push("adoptId");
    changedPaths.push("adoptId");
  }
  return { changes: replaces.length > 0, replaces, changedPaths };
}

/**
 * A qualification's effectSignatures are what the vendor lists after a refresh; signatures bound to it since
 * (BatchBindSignatureIdent, the console) are no reason to file a new one. Only a signature it does not cover is.
 */
function isCoveredBy(declared: unknown, effective: unknown): boolean {
  const wanted = Array.isArray(declared) ? declared : [];
  const have = new Set(Array.isArray(effective) ? effective : []);
  return wanted.every((signature) => have.has(signature));
}
