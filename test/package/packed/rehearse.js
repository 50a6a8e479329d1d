// Runs inside the scratch project with plain node: preview and up of user-program.js through the provider host
// of the project's own @pulumi/pulumi, against the emulator shipped in the package. Prints a JSON report.
// The engine stand-in is not published: HARNESS is the compiled harness/ of the checkout under test.
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");
const { startEmulator } = require("pulumi-volcengine-sms/emulator");
const { EngineStandIn, ProviderHost } = require(process.env.HARNESS);

async function main() {
  const emulator = await startEmulator({ approvalDelayMs: null });
  const host = await ProviderHost.start({ cwd: process.cwd() });
  const config = {
    "volcengine:accessKey": emulator.accessKey,
    "volcengine:secretKey": emulator.secretKey,
    "volcengine:smsEndpoint": emulator.endpoint,
    "user-stack:scan": process.env.SCAN,
    "user-stack:operatorId": "11010519491231002X",
    "user-stack:operatorMobile": "13800138000",
    "user-stack:responsibleId": "440308199901010012",
    "user-stack:responsibleMobile": "13912345678",
  };
  await host.configure(config);
  const engine = new EngineStandIn(host, pulumi, "user-stack", "dev");
  const program = path.resolve("user-program.js");
  const load = () => {
    delete require.cache[program];
    require(program);
  };
  try {
    const preview = await engine.run({ load, preview: true, config });
    const up = await engine.run({ load, preview: false, config });
    const [state] = engine.state.values();
    console.log(
      JSON.stringify({
        previewSteps: preview.steps.map((s) => s.op),
        failures: [...preview.failures, ...up.failures],
        errors: up.errors,
        id: state?.id,
        providerText: state?.inputs.__provider,
        applyRequests: emulator.requests.filter((r) => r.action === "ApplySignatureIdent").length,
        pulumiResolvedFrom: path.relative(process.cwd(), require.resolve("@pulumi/pulumi")),
      }),
    );
  } finally {
    await host.stop();
    await emulator.close();
  }
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
