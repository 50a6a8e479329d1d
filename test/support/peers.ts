/**
 * The loopback peers the host tests share: the emulator, Pulumi's provider host in the project directory, the
 * serialized provider.
 */

import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../emulator";
import { ProviderHost, serializeProvider } from "../../harness/provider-host";
import { qualificationProvider } from "./providers";
import { REPO_ROOT } from "./repo-root";

export interface Peers {
  emulator: RunningEmulator;
  host: ProviderHost;
  /** `__provider` as `new SmsSignatureIdent(...)` stores it. */
  providerText: string;
}

/** Stack config that points the provider at the emulator. */
export function emulatorConfig(emulator: RunningEmulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "volcengine:accessKey": emulator.accessKey,
    "volcengine:secretKey": emulator.secretKey,
    "volcengine:region": emulator.region,
    "volcengine:smsEndpoint": emulator.endpoint,
    ...extra,
  };
}

/**
 * Starts the peers before the enclosing describe's tests (the emulator reviews only when told to) and stops them
 * after; the returned object is filled in by then. `config` is the stack config the host is configured with.
 */
export function usePeers(
  config: (emulator: RunningEmulator) => Record<string, string> = (emulator) => emulatorConfig(emulator),
  emulatorOptions: EmulatorOptions = {},
): Peers {
  const peers = {} as Peers;
  before(async () => {
    peers.providerText = await serializeProvider(qualificationProvider);
    peers.emulator = await startEmulator({ approvalDelayMs: null, ...emulatorOptions });
    peers.host = await ProviderHost.start({ cwd: REPO_ROOT });
    await peers.host.configure(config(peers.emulator));
  });
  after(async () => {
    await peers.host?.stop();
    await peers.emulator?.close();
  });
  return peers;
}
