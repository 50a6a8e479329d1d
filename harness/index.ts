// A stand-in for the Pulumi engine: rehearse a program through Pulumi's real dynamic-provider host without the CLI.
export {
  type CheckFailureReport,
  EngineStandIn,
  type ResourceState,
  type RunOptions,
  type RunResult,
  type Step,
  type StepOp,
} from "./engine-stand-in";
export { HostError, type HostOptions, type Props, ProviderHost, serializeProvider } from "./provider-host";
