/** A client for unit tests of lookups and filing: answers each call from a script and records what was asked. */
import { Lookups } from "../../provider/engine/batched-lookup";
import { Capabilities } from "../../provider/engine/context";
import type { ActionCall, ActionClient, CallResult } from "../../provider/http/client";

export type Answer = Record<string, unknown> | Error;

export class FakeClient implements ActionClient {
  readonly calls: ActionCall[] = [];

  constructor(private readonly answer: (call: ActionCall, body: any) => Answer) {}

  async call(call: ActionCall): Promise<CallResult> {
    this.calls.push(call);
    const body = typeof call.body === "string" ? JSON.parse(call.body) : undefined;
    const answer = this.answer(call, body);
    if (answer instanceof Error) throw answer;
    return { result: answer, requestId: `fake-${this.calls.length}`, httpStatus: 200 };
  }

  actions(): string[] {
    return this.calls.map((call) => call.action);
  }
}

/** The parts of a Context lookups and filing use, printing into `lines`. */
export function fakeContext() {
  const lines: string[] = [];
  return {
    lines,
    resourceType: "SmsSignatureIdent",
    capabilities: new Capabilities(),
    lookups: new Lookups(),
    warn: (line: string) => lines.push(line),
    warnOnce: (line: string) => {
      if (!lines.includes(line)) lines.push(line);
    },
  };
}
