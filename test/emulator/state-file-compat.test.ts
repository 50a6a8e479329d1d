import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { listedIds } from "../support/emulator-client";

describe("emulator: a state file written before signatures and templates existed", () => {
  it("still loads, its qualifications listed and its id sequence kept", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-compat-"));
    const dataFile = path.join(dir, "state.json");
    fs.writeFileSync(
      dataFile,
      JSON.stringify({
        nextId: "9007199254740995",
        qualifications: [
          {
            id: "9007199254740994",
            status: "approved",
            createdAt: "2026-11-01T00:00:00.000Z",
            opinion: "",
            reviewedAt: "2026-11-02T00:00:00.000Z",
            purpose: 1,
            materialName: "旧资质",
            businessCertificateName: "示例科技有限公司",
            operatorPersonName: "张三",
            responsiblePersonName: "王五",
            legalPersonName: "李四",
            effectSignatures: [],
          },
        ],
      }),
    );
    const emu = await startEmulator({ dataFile, approvalDelayMs: null });
    try {
      assert.deepEqual(await listedIds(emu), ["9007199254740994"]);
      assert.deepEqual([emu.signatures(), emu.templates()], [[], []]);
      const saved = JSON.parse(fs.readFileSync(dataFile, "utf8"));
      assert.equal(saved.nextId, "9007199254740995");
      assert.deepEqual(saved.signatures, []);
    } finally {
      await emu.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
