import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type HostError, type Props, ProviderHost } from "../../harness/provider-host";
import { documentFile } from "../../provider/documents/document-file";
import { DocType } from "../../provider/documents/sign-auth-file";
import { propertyOf } from "../support/failures";
import { image } from "../support/fixtures/documents";
import { validInputs } from "../support/fixtures/qualification";
import { pattern } from "../support/pattern";
import { emulatorConfig, usePeers } from "../support/peers";
import { REPO_ROOT } from "../support/repo-root";

const MB = 1024 * 1024;

describe("documents from files: scans read at apply time, only digests in state", () => {
  const peers = usePeers();
  let dir: string;
  const applyCount = () => peers.emulator.requests.filter((r) => r.action === "ApplySignatureIdent").length;

  function link(target: string, name: string): string {
    const file = path.join(dir, name);
    fs.rmSync(file, { force: true });
    fs.symlinkSync(target, file);
    return file;
  }

  function write(name: string, bytes: Buffer): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  }

  /**
   * Valid inputs whose licence and operator ID scans are files on disk (three documents, 1 MB each). The tests file
   * the same qualification more than once; the duplicate guard has tests of its own.
   */
  function inputsWithDocuments(files = { licence: "licence.jpg", front: "front.png", back: "back.png" }): Props {
    const inputs = validInputs({ allowDuplicateName: true });
    inputs.businessInfo.businessCertificate = documentFile(path.join(dir, files.licence), {
      fileType: DocType.BusinessLicense,
    });
    inputs.operatorPerson.personCertificate = [
      documentFile(path.join(dir, files.front), { fileType: DocType.OperatorIdCardFront }),
      documentFile(path.join(dir, files.back), { fileType: DocType.OperatorIdCardBack }),
    ];
    return { ...inputs, __provider: peers.providerText };
  }

  before(() => {
    // The host runs in the project directory; the documents lie outside it, as a team's scans often do.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "scans-"));
    write("licence.jpg", image("jpeg", MB, 1));
    write("front.png", image("png", MB, 2));
    write("back.png", image("png", MB, 3));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe("create with three 1 MB documents", () => {
    let created: { id: string; properties: Props };
    let checkedInputs: Props;

    before(async () => {
      const checked = await peers.host.check({}, inputsWithDocuments());
      assert.deepEqual(checked.failures, []);
      checkedInputs = checked.inputs;
      created = await peers.host.create(checked.inputs);
    });

    it("the vendor receives each file's exact bytes", () => {
      const body = peers.emulator.requests.filter((r) => r.action === "ApplySignatureIdent").at(-1)!.body as any;
      const decode = (dataUri: string) => Buffer.from(dataUri.replace(/^data:image\/(png|jpg);base64,/, ""), "base64");
      assert.deepEqual(
        decode(body.businessInfo.businessCertificate.fileContent),
        fs.readFileSync(path.join(dir, "licence.jpg")),
      );
      assert.deepEqual(
        decode(body.operatorPerson.personCertificate[0].fileContent),
        fs.readFileSync(path.join(dir, "front.png")),
      );
      assert.deepEqual(
        decode(body.operatorPerson.personCertificate[1].fileContent),
        fs.readFileSync(path.join(dir, "back.png")),
      );
    });

    it("state inputs and outputs hold no base64 of the files, only path, size, digest; a few KB per resource", () => {
      const state = JSON.stringify({ inputs: checkedInputs, outputs: created.properties });
      for (const name of ["licence.jpg", "front.png", "back.png"]) {
        const bytes = fs.readFileSync(path.join(dir, name));
        // Any 48-byte stretch of the file, in base64 at any alignment, would show up as one of these.
        for (const offset of [0, 1, 2, 500_000])
          assert.ok(!state.includes(bytes.subarray(offset, offset + 48).toString("base64")), `${name} is in the state`);
      }
      assert.deepEqual((created.properties.businessInfo as any).businessCertificate.document, {
        path: path.relative(REPO_ROOT, path.join(dir, "licence.jpg")).split(path.sep).join("/"),
        sha256: require("node:crypto")
          .createHash("sha256")
          .update(fs.readFileSync(path.join(dir, "licence.jpg")))
          .digest("hex"),
        size: MB,
      });
      const bytes = Buffer.byteLength(state);
      console.log(
        `      state per resource with three 1 MB documents: ${bytes} bytes (inputs + outputs, __provider included)`,
      );
      assert.ok(bytes < 16 * 1024, `state is ${bytes} bytes`);
    });

    it("the same file, even moved elsewhere, is no change", async () => {
      fs.copyFileSync(path.join(dir, "licence.jpg"), path.join(dir, "licence-moved.jpg"));
      const diff = await peers.host.diff(
        created.id,
        created.properties,
        inputsWithDocuments({ licence: "licence-moved.jpg", front: "front.png", back: "back.png" }),
      );
      assert.deepEqual(diff, { changes: "none", replaces: [], deleteBeforeReplace: false });
    });

    it("one changed byte replaces the property that holds the file, and only it", async () => {
      const changed = fs.readFileSync(path.join(dir, "back.png"));
      changed[1000]! ^= 0xff;
      write("back-rescanned.png", changed);
      const diff = await peers.host.diff(
        created.id,
        created.properties,
        inputsWithDocuments({ licence: "licence.jpg", front: "front.png", back: "back-rescanned.png" }),
      );
      assert.deepEqual(diff.replaces, ["operatorPerson"]);
    });
  });

  it("a file edited between check (preview) and create is refused with a clear error; nothing is sent", async () => {
    write("edited.jpg", image("jpeg", 2048, 9));
    const inputs = inputsWithDocuments({ licence: "edited.jpg", front: "front.png", back: "back.png" });
    const checked = await peers.host.check({}, inputs);
    assert.deepEqual(checked.failures, []);
    write("edited.jpg", image("jpeg", 2048, 10));
    const before = applyCount();
    await assert.rejects(peers.host.create(checked.inputs), (error: HostError) => {
      assert.match(
        error.message,
        pattern(
          /ApplySignatureIdent failed \(DocumentChanged\): not sent: /,
          /businessInfo\.businessCertificate\.document: .*edited\.jpg changed since preview/,
        ),
      );
      return true;
    });
    assert.equal(applyCount(), before);
  });

  const BROKEN: Array<{ problem: string; make: () => string; reason: RegExp }> = [
    {
      problem: "wrong magic bytes (a PDF named .png)",
      make: () => write("scan.png", Buffer.from("%PDF-1.4 not an image")),
      reason: /scan\.png is not a JPEG or PNG image \(judged by its first bytes, not its name\)/,
    },
    {
      problem: "5 MB + 1 byte",
      make: () => write("huge.jpg", image("jpeg", 5 * MB + 1)),
      reason: /huge\.jpg is 5242881 bytes; at most 5242880 \(5 MB\)/,
    },
    {
      problem: "missing file",
      make: () => path.join(dir, "never-scanned.jpg"),
      reason: /never-scanned\.jpg does not exist/,
    },
    {
      problem: "a PNG whose suffix says jpg",
      make: () => write("really-png.jpg", image("png", 1024)),
      reason: /really-png\.jpg is a PNG image but fileSuffix says jpg/,
    },
    // Refused by stat before anything reads them: reading a FIFO without a writer would never return (the test would
    // time out), a device or a 512 MB file would fill the memory.
    {
      problem: "a named pipe (FIFO) that nothing writes to, without hanging",
      make: () => {
        const fifo = path.join(dir, "pipe.png");
        if (!fs.existsSync(fifo)) execFileSync("mkfifo", [fifo]);
        return fifo;
      },
      reason: /pipe\.png is a named pipe \(FIFO\), not a regular file/,
    },
    {
      problem: "a device (a link to /dev/zero)",
      make: () => link("/dev/zero", "zero.png"),
      reason: /zero\.png is a device, not a regular file/,
    },
    {
      problem: "a folder",
      make: () => {
        fs.mkdirSync(path.join(dir, "folder.png"), { recursive: true });
        return path.join(dir, "folder.png");
      },
      reason: /folder\.png is a folder, not a regular file/,
    },
    {
      problem: "a 512 MB (sparse) file",
      make: () => {
        const file = write("sparse.jpg", image("jpeg", 1024));
        fs.truncateSync(file, 512 * MB);
        return file;
      },
      reason: /sparse\.jpg is 536870912 bytes; at most 5242880 \(5 MB\)/,
    },
    {
      problem: "a path through a file (fails even for root)",
      make: () => path.join(dir, "licence.jpg", "back.png"),
      reason: /licence\.jpg\/back\.png does not exist: a folder on its path is a file/,
    },
    {
      problem: "a dangling symbolic link",
      make: () => link(path.join(dir, "never-there.png"), "dangling.png"),
      reason: /dangling\.png is a symbolic link to a file that does not exist/,
    },
  ];
  for (const { problem, make, reason } of BROKEN) {
    it(`check fails on ${problem}, naming the property and the file`, async () => {
      const file = make();
      const inputs = inputsWithDocuments();
      (inputs.responsiblePersonInfo as any).personCertificate[1] = documentFile(file, {
        fileType: DocType.ResponsiblePersonIdCardBack,
        fileSuffix: file.endsWith(".png") ? "png" : "jpg",
      });
      const { failures } = await peers.host.check({}, inputs);
      assert.equal(failures.length, 1, JSON.stringify(failures));
      assert.equal(propertyOf(failures[0]!), "responsiblePersonInfo");
      assert.match(failures[0]!.reason, /^responsiblePersonInfo\.personCertificate\[1\]\.document: /);
      assert.match(failures[0]!.reason, reason);
    });
  }

  it("a file the program could not read says so, in preview and at apply, rather than 'changed'", async () => {
    // As root no permission stops a read, so the program meets a dangling link and the provider the file made since.
    const late = link(path.join(dir, "scanned-late.png"), "late.png");
    const inputs = inputsWithDocuments();
    (inputs.operatorPerson as any).personCertificate[1] = documentFile(late, {
      fileType: DocType.OperatorIdCardBack,
      fileSuffix: "png",
    });
    write("scanned-late.png", image("png", 2048, 4));
    const { failures } = await peers.host.check({}, inputs);
    assert.equal(failures.length, 1, JSON.stringify(failures));
    assert.match(failures[0]!.reason, /late\.png could not be read when the program ran .*: run again/);
    const before = applyCount();
    await assert.rejects(peers.host.create(inputs), (error: HostError) => {
      assert.match(error.message, /DocumentChanged.*late\.png could not be read when the program ran/);
      assert.doesNotMatch(error.message, /changed since preview/);
      return true;
    });
    assert.equal(applyCount(), before);
  });

  it("a file without read permission is named as such (skipped as root, whom no mode stops)", async function () {
    if (process.getuid?.() === 0) {
      console.log("      skipped: running as root, which reads a file whatever its mode; the case above covers it");
      this.skip();
    }
    const file = write("locked.png", image("png", 2048));
    fs.chmodSync(file, 0o000);
    const inputs = inputsWithDocuments();
    (inputs.operatorPerson as any).personCertificate[1] = documentFile(file, { fileType: DocType.OperatorIdCardBack });
    const { failures } = await peers.host.check({}, inputs);
    assert.match(failures[0]!.reason, /locked\.png cannot be read: permission denied/);
  });

  it("a program run in another folder than the provider host (main: in Pulumi.yaml) finds its files", async () => {
    const examples = path.join(REPO_ROOT, "examples");
    const programCwd = process.cwd();
    let licence;
    try {
      process.chdir(examples);
      licence = documentFile("documents/business-licence.jpg", { fileType: DocType.BusinessLicense });
    } finally {
      process.chdir(programCwd);
    }
    assert.equal(
      licence.document?.path,
      "examples/documents/business-licence.jpg",
      "relative to the folder of Pulumi.yaml",
    );
    const inputs = inputsWithDocuments();
    (inputs.businessInfo as any).businessCertificate = licence;
    const elsewhere = await ProviderHost.start({ cwd: examples });
    try {
      await elsewhere.configure(emulatorConfig(peers.emulator));
      assert.deepEqual((await elsewhere.check({}, inputs)).failures, []);
      assert.match((await elsewhere.create(inputs)).id, /^\d+$/);
    } finally {
      await elsewhere.stop();
    }
  });

  it("raw fileContent keeps working next to documents (and stays secret in state, see the secrets test)", async () => {
    const inputs = inputsWithDocuments();
    const checked = await peers.host.check({}, inputs);
    assert.deepEqual(checked.failures, []);
    assert.equal(typeof (checked.inputs.legalPerson as any).personCertificate[0].fileContent, "string");
  });
});
