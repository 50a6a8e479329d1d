import assert from "node:assert/strict";
import { DEFAULT_EMULATOR_ACCESS_KEY } from "../../emulator";
import { type HostError, ProviderHost, serializeProvider } from "../../harness/provider-host";
import { validInputs } from "../support/fixtures/qualification";
import { envelope, serve } from "../support/loopback-server";
import { pattern } from "../support/pattern";
import { qualificationProvider } from "../support/providers";
import { REPO_ROOT } from "../support/repo-root";

describe("create when the answer's Result.id is not an integer", () => {
  it("fails through the provider host saying the qualification was probably filed, with the RequestId", async () => {
    const server = await serve((_, res) => res.end(envelope('{"id":"not-a-number"}')));
    const host = await ProviderHost.start({ cwd: REPO_ROOT });
    try {
      await host.configure({
        "volcengine:accessKey": DEFAULT_EMULATOR_ACCESS_KEY,
        "volcengine:secretKey": "s3cret-key",
        "volcengine:smsEndpoint": server.url.href,
      });
      const error: HostError = await host
        // The server answers only this: the duplicate guard's list request is left out.
        .create({
          ...validInputs({ allowDuplicateName: true }),
          __provider: await serializeProvider(qualificationProvider),
        })
        .then(
          () => assert.fail("created"),
          (e) => e,
        );
      assert.match(
        error.message,
        pattern(
          /ApplySignatureIdent failed \(InvalidResponse, HTTP 200, RequestId REQ-1\): /,
          /the answer's Result\.id is not an integer, so the qualification was probably filed/,
        ),
      );
      assert.match(error.message, /look for a qualification named "示例科技短信资质" filed just now/);
      assert.equal(server.hits(), 1);
    } finally {
      await host.stop();
      await server.close();
    }
  });
});
