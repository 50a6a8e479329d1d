/**
 * 3. `__provider` size: the serialized provider Pulumi stores with every resource (twice: inputs and outputs).
 * From the checkout (as the tests serialize it, and as a program in this repository gets it from dist/) and from a
 * packed install: `npm pack`, installed into a scratch project with its own @pulumi/pulumi, where a program
 * declares a resource under Pulumi's mocks and the `__provider` the resource registers is measured.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { serializeProvider } from "../harness/provider-host";
import { qualificationProvider } from "../test/support/providers";
import { installPackedIntoScratchProject } from "../test/support/scratch-project";
import { repoRoot } from "./fixtures";
import { bytes, type Row } from "./table";

const LIMIT = 4 * 1024;

/** Runs in the scratch project with plain node: the `__provider` text of one SmsSignatureIdent, as JSON. */
const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
let provider;
pulumi.runtime.setMocks({
  newResource: (args) => {
    if (typeof args.inputs.__provider === "string") provider = args.inputs.__provider;
    return { id: "1", state: args.inputs };
  },
  call: (args) => args.inputs,
}, "bench", "dev", false);
const { SmsSignatureIdent } = require("pulumi-volcengine-sms");
new SmsSignatureIdent("packed", {
  materialName: "安装包", purpose: 1, businessInfo: {}, operatorPerson: {}, responsiblePersonInfo: {},
});
process.on("beforeExit", () => { process.stdout.write(JSON.stringify({ provider }) + "\\n"); process.exit(0); });
`;

/** The `__provider` of a resource declared in a project that installed the package from its tarball. */
export function packedProviderText(): string {
  const scratch = installPackedIntoScratchProject("bench-stack");
  try {
    fs.writeFileSync(path.join(scratch, "program.js"), PROGRAM);
    const output = execFileSync(process.execPath, ["program.js"], {
      cwd: scratch,
      encoding: "utf8",
      env: { PATH: process.env.PATH },
    });
    const { provider } = JSON.parse(output.trim().split("\n").at(-1)!);
    if (typeof provider !== "string") throw new Error("the packed program registered no __provider");
    if (provider.includes(scratch) || provider.includes(repoRoot))
      throw new Error("the packed __provider holds a local path");
    return provider;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The provider as a program of this repository imports it: `pulumi-volcengine-sms` resolves to dist/. */
export async function distProviderText(): Promise<string> {
  const dist = path.join(repoRoot, "dist", "provider");
  const { storedProvider } = require(path.join(dist, "engine", "shim.js"));
  return serializeProvider(storedProvider(require(path.join(dist, "shims", "sms-signature-ident.js"))));
}

export async function measureProviderSize(): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (label: string, providerText: string) => {
    const size = Buffer.byteLength(providerText);
    rows.push({
      item: 3,
      label,
      figure: bytes(size),
      target: { text: "≤ 4 KB", met: size <= LIMIT },
      whenMissed:
        "provider/engine/shim.ts captures more than the calls that require the runtime: look at the serialized text",
    });
  };
  add(
    "__provider per resource: checkout (TypeScript source, as the tests)",
    await serializeProvider(qualificationProvider),
  );
  add("__provider per resource: checkout (dist/, as examples/ import it)", await distProviderText());
  add("__provider per resource: packed install (npm pack → npm install)", packedProviderText());
  return rows;
}
