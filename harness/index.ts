// A stand-in for the Pulumi engine: rehearse a program through Pulumi's real dynamic-provider host without the CLI.
export { EngineStandIn, type ResourceState, type RunOptions, type RunResult, type Step, type StepOp, type CheckFailureReport } from "./engine-stand-in";
export { ProviderHost, HostError, serializeProvider, type HostOptions, type Props } from "./provider-host";
