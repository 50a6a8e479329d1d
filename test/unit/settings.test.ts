import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VolcengineError } from "../../provider/errors";
import { resolveSettings } from "../../provider/settings/resolve";
import { readStackConfig, SETTINGS, settingNames } from "../../provider/settings/table";

const KEYS = { accessKey: "AKLTexample", secretKey: "secret-example" };

function refused(run: () => unknown, code: string, pattern: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof VolcengineError);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

describe("settings", () => {
  it("take stack config first, then the environment, and ignore blank values", () => {
    const env = { VOLCENGINE_ACCESS_KEY: "AKLTenv", VOLCENGINE_SECRET_KEY: "env-secret", VOLCENGINE_REGION: " " };
    const resolved = resolveSettings("A", { accessKey: "AKLTstack" }, env);
    assert.equal(resolved.credentials.accessKey, "AKLTstack");
    assert.equal(resolved.credentials.secretKey, "env-secret");
    assert.equal(resolved.region, "cn-north-1", "a blank region is the default");
    assert.equal(resolved.endpoint.href, "https://sms.volcengineapi.com/");
  });

  it("read every key of the table from the engine's config, and only those", () => {
    const config: Record<string, string> = {
      [SETTINGS.smsEndpoint.config]: "http://127.0.0.1:1",
      "other:key": "x",
      [SETTINGS.region.config]: "",
    };
    assert.deepEqual(readStackConfig({ get: (key) => config[key] }), { smsEndpoint: "http://127.0.0.1:1" });
  });

  it("name both ways of setting a value in every hint", () => {
    assert.equal(settingNames("caFile"), "volcengine:smsCaFile / VOLCENGINE_SMS_CA_FILE");
    refused(() => resolveSettings("A", {}, {}), "MissingCredentials", /volcengine:accessKey.*VOLCENGINE_SECRET_KEY/);
    refused(
      () => resolveSettings("A", { ...KEYS, maxAttempts: "2.5" }, {}),
      "InvalidSetting",
      /volcengine:smsMaxAttempts \/ VOLCENGINE_SMS_MAX_ATTEMPTS is "2.5", not a positive whole number/,
    );
  });

  it("refuse an endpoint that is not https away from loopback, or that carries a query", () => {
    refused(
      () => resolveSettings("A", { ...KEYS, smsEndpoint: "http://example.com" }, {}),
      "InsecureEndpoint",
      /https/,
    );
    refused(
      () => resolveSettings("A", { ...KEYS, smsEndpoint: "https://proxy.example/?token=abc" }, {}),
      "InvalidEndpoint",
      /query string/,
    );
    assert.equal(resolveSettings("A", { ...KEYS, smsEndpoint: "http://127.0.0.1:8080" }, {}).endpoint.port, "8080");
  });

  it("read the CA file when a method runs, and refuse one without a PEM certificate", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "settings-"));
    try {
      const file = path.join(dir, "ca.pem");
      fs.writeFileSync(file, "not a certificate");
      refused(() => resolveSettings("A", { ...KEYS, caFile: file }, {}), "InvalidSetting", /holds no PEM certificate/);
      fs.writeFileSync(file, "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
      assert.match(resolveSettings("A", { ...KEYS, caFile: file }, {}).ca ?? "", /BEGIN CERTIFICATE/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
