/**
 * The top-level property a check failure names. The provider reports failures at resource level (property "") with the
 * reason starting at the full path (engine/dispatch.ts says why), so the property is the path's first segment.
 */
export function propertyOf(failure: { property: string; reason: string }): string {
  return /^[^.[:\s]+/.exec(failure.reason)?.[0] ?? "";
}
