import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { apply, listedIds, useEmulators } from "../support/emulator-client";
import { PERSONAL_VALUES, validInputs } from "../support/fixtures/qualification";

describe("emulator: persistence", () => {
  // Registered first so its afterEach closes the emulators before the directory is removed below:
  // close() flushes the state file, and would otherwise recreate the directory after the removal.
  const start = useEmulators();

  let directory: string;
  const directories: string[] = [];
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "sms-emulator-"));
    directories.push(directory);
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });
  after(() => {
    const leftBehind = directories.filter((d) => existsSync(d));
    for (const d of leftBehind) rmSync(d, { recursive: true, force: true });
    assert.deepEqual(leftBehind, [], "a temporary directory was recreated after its removal");
  });

  it("knows its qualifications after a restart on the same file, which holds no personal data", async () => {
    const dataFile = join(directory, "nested", "state.json");
    const first = await start({ dataFile });
    const id = await apply(first);
    await first.close();

    const fileText = readFileSync(dataFile, "utf8");
    for (const value of PERSONAL_VALUES) assert.ok(!fileText.includes(value), "the state file holds a personal value");
    assert.deepEqual(readdirSync(join(directory, "nested")), ["state.json"], "a temporary file was left behind");

    const second = await start({ dataFile });
    assert.deepEqual(second.qualifications(), [
      {
        id,
        status: "pending",
        materialName: validInputs().materialName,
        effectSignatures: validInputs().effectSignatures,
      },
    ]);
    second.approve(id);
    assert.deepEqual(await listedIds(second), [id]);
    assert.equal(await apply(second), "9007199254740994", "a restarted emulator reused an id");
  });

  it("refuses to start on a file that is not a state file", async () => {
    const dataFile = join(directory, "state.json");
    writeFileSync(dataFile, '{"hello":"world"}');
    await assert.rejects(startEmulator({ dataFile }), /not an emulator state file/);
  });
});
