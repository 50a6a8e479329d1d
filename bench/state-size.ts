/**
 * 4. State bytes per resource: the inputs (as check returns them) plus the outputs (as create returns them) of one
 * qualification through Pulumi's provider host against the emulator, `__provider` included in both, as the engine
 * writes them to the state. Three 1 MB scans via `documentFile()`, then the same scans as raw base64 `fileContent`.
 */
import { startEmulator } from "../emulator";
import { type Props, ProviderHost } from "../harness/provider-host";
import { base64Inputs, documentInputs, MB, ScanProject, writeScans } from "./fixtures";
import { distProviderText } from "./provider-size";
import { bytes, type Row } from "./table";

const LIMIT = 8 * 1024;

async function stateBytes(host: ProviderHost, inputs: Props): Promise<number> {
  const checked = await host.check({}, inputs);
  if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const created = await host.create(checked.inputs);
  return Buffer.byteLength(JSON.stringify({ inputs: checked.inputs, outputs: created.properties }));
}

export async function measureStateSize(): Promise<Row[]> {
  const providerText = await distProviderText();
  const project = new ScanProject();
  const emulator = await startEmulator({ approvalDelayMs: null });
  let host: ProviderHost | undefined;
  try {
    writeScans(project, MB);
    host = await ProviderHost.start({ cwd: project.dir });
    await host.configure({
      "volcengine:accessKey": emulator.accessKey,
      "volcengine:secretKey": emulator.secretKey,
      "volcengine:smsEndpoint": emulator.endpoint,
    });
    const withDocuments = await stateBytes(host, { ...documentInputs(project), __provider: providerText });
    const withBase64 = await stateBytes(host, { ...base64Inputs(project), __provider: providerText });
    const providerBytes = Buffer.byteLength(providerText);
    return [
      {
        item: 4,
        label: "state per resource, three 1 MB scans via documentFile() (inputs + outputs)",
        figure: bytes(withDocuments),
        target: { text: "≤ 8 KB", met: withDocuments <= LIMIT },
        whenMissed: `__provider (${providerBytes} bytes) is stored in the inputs and in the outputs; the rest is the fields, twice`,
      },
      { item: 4, label: "  of which __provider (stored twice)", figure: bytes(2 * providerBytes) },
      { item: 4, label: "state per resource, the same scans as raw base64 fileContent", figure: bytes(withBase64) },
    ];
  } finally {
    await host?.stop();
    await emulator.close();
    project.remove();
  }
}
