import assert from "node:assert/strict";
import { cachedSigningKey, deriveSigningKey } from "../../provider/signing/signing-key";

const credentials = { accessKey: "AKLTcache", secretKey: "secret-one" };

describe("signing: the derived key cache", () => {
  it("gives the key the four HMACs derive, once per date, region, service and credentials", () => {
    const first = cachedSigningKey(credentials, "20261202", "cn-north-1", "volcSMS");
    assert.deepEqual(first, deriveSigningKey("secret-one", "20261202", "cn-north-1", "volcSMS"));
    assert.equal(cachedSigningKey({ ...credentials }, "20261202", "cn-north-1", "volcSMS"), first, "kept, not derived");
  });

  it("derives anew for another date, region, service or a rotated secret of the same access key", () => {
    const base = cachedSigningKey(credentials, "20261202", "cn-north-1", "volcSMS");
    const others = [
      cachedSigningKey(credentials, "20261203", "cn-north-1", "volcSMS"),
      cachedSigningKey(credentials, "20261202", "cn-beijing", "volcSMS"),
      cachedSigningKey(credentials, "20261202", "cn-north-1", "iam"),
      cachedSigningKey({ ...credentials, secretKey: "secret-two" }, "20261202", "cn-north-1", "volcSMS"),
    ];
    for (const other of others) assert.notDeepEqual(other, base);
    assert.deepEqual(others[3], deriveSigningKey("secret-two", "20261202", "cn-north-1", "volcSMS"));
  });
});
