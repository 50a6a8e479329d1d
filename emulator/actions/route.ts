// What a route of the gateway is: the Versions and HTTP methods it answers, where a GET finds its parameters, and
// the handler that returns the envelope's Result or throws a BusinessError.
import type { CreationKind, EmulatorStore } from "../store";

export interface ActionRoute {
  versions: readonly string[];
  methods: readonly string[];
  /** A GET without a body reads its parameters from the query; these keys are integers, these lists. */
  query?: { integers?: readonly string[]; lists?: readonly string[] };
  /** The kind this action files: counted by the traffic counters (a filing that arrived). */
  creates?: CreationKind;
  handle(params: unknown, store: EmulatorStore): unknown;
}

export const SUCCESS = { msg: "success" };
export const POST = ["POST"];

/** One page of a list answer: `{list, total}`. */
export function page<T, R>(matching: readonly T[], query: { pageIndex: number; pageSize: number }, item: (t: T) => R) {
  const start = (query.pageIndex - 1) * query.pageSize;
  return { list: matching.slice(start, start + query.pageSize).map(item), total: matching.length };
}
