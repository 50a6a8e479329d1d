import assert from "node:assert/strict";
import { VolcengineError } from "../../provider/errors";
import { redact } from "../../provider/redact";
import { UNPRINTABLE } from "../support/hostile";

describe("the one printing step: what came from the inputs is shown, never obeyed by a terminal", () => {
  it("writes ESC[2J, CR, an RLO, an isolate and a zero-width space as visible escapes", () => {
    assert.equal(redact("a\u001b[2Jb\rc\u202ed\u2066e\u200bf"), "a\\u{1b}[2Jb\\u{d}c\\u{202e}d\\u{2066}e\\u{200b}f");
  });

  it("writes a character beyond the BMP by its code point, and leaves Chinese, emoji and accents alone", () => {
    assert.equal(redact("资质\u{e0041}名称 😀 é"), "资质\\u{e0041}名称 😀 é");
  });

  it("still redacts an ID number that an escape character sits next to", () => {
    assert.equal(redact("\u001b11010519491231002X\u0007"), "\\u{1b}[redacted ID number]\\u{7}");
  });

  it("applies to every VolcengineError, whatever the vendor's message holds", () => {
    const error = new VolcengineError({
      kind: "vendor",
      action: "X",
      code: "1001",
      message: "bad \u001b]0;title\u0007",
    });
    assert.doesNotMatch(error.message, UNPRINTABLE);
    assert.match(error.message, /bad \\u\{1b\}\]0;title\\u\{7\}/);
  });
});
