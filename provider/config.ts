import { readFileSync } from "node:fs";
import type { FileContentFormat } from "./documents/inline";
import { ErrorCode, VolcengineError } from "./errors";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./http/retry";
import type { SigningCredentials } from "./signing/signer";

export const DEFAULT_REGION = "cn-north-1";
export const DEFAULT_SMS_ENDPOINT = "https://sms.volcengineapi.com";
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

/** Stack config keys (namespace `volcengine`) and the environment variables used when a key is not set. */
export const SETTINGS = {
  accessKey: { config: "volcengine:accessKey", env: "VOLCENGINE_ACCESS_KEY" },
  secretKey: { config: "volcengine:secretKey", env: "VOLCENGINE_SECRET_KEY" },
  sessionToken: { config: "volcengine:sessionToken", env: "VOLCENGINE_SESSION_TOKEN" },
  region: { config: "volcengine:region", env: "VOLCENGINE_REGION" },
  smsEndpoint: { config: "volcengine:smsEndpoint", env: "VOLCENGINE_SMS_ENDPOINT" },
  timeoutSeconds: { config: "volcengine:smsTimeoutSeconds", env: "VOLCENGINE_SMS_TIMEOUT_SECONDS" },
  connectTimeoutSeconds: {
    config: "volcengine:smsConnectTimeoutSeconds",
    env: "VOLCENGINE_SMS_CONNECT_TIMEOUT_SECONDS",
  },
  maxAttempts: { config: "volcengine:smsMaxAttempts", env: "VOLCENGINE_SMS_MAX_ATTEMPTS" },
  retryDeadlineSeconds: { config: "volcengine:smsRetryDeadlineSeconds", env: "VOLCENGINE_SMS_RETRY_DEADLINE_SECONDS" },
  fileContentFormat: { config: "volcengine:smsFileContentFormat", env: "VOLCENGINE_SMS_FILE_CONTENT_FORMAT" },
  caFile: { config: "volcengine:smsCaFile", env: "VOLCENGINE_SMS_CA_FILE" },
} as const;
export type SettingName = keyof typeof SETTINGS;

/** What the provider's `configure` received from the stack config (secrets arrive unwrapped). */
export type StackSettings = Partial<Record<SettingName, string>>;

export interface ResolvedSettings {
  credentials: SigningCredentials;
  region: string;
  endpoint: URL;
  timeoutMs: number;
  connectTimeoutMs: number;
  retryPolicy: RetryPolicy;
  /** How `documentFile()` scans are sent: the vendor's page shows data URIs, its Java demo raw base64. */
  fileContentFormat: FileContentFormat;
  /** The PEM text of volcengine:smsCaFile: trusted instead of Node's bundled CAs. */
  ca?: string;
}

/** Reads our keys out of the engine's stack config, as Pulumi's dynamic `Config.get` gives them. */
export function readStackConfig(config: { get(key: string): string | undefined }): StackSettings {
  const settings: StackSettings = {};
  for (const [name, keys] of Object.entries(SETTINGS) as [SettingName, (typeof SETTINGS)[SettingName]][]) {
    const value = config.get(keys.config);
    if (typeof value === "string" && value !== "") settings[name] = value;
  }
  return settings;
}

/**
 * Stack config first, then the environment, resolved when a provider method runs (in the provider host process),
 * so no credential is ever part of the serialized provider in state.
 */
export function resolveSettings(
  action: string,
  stack: StackSettings,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedSettings {
  const pick = (name: SettingName): string | undefined => {
    const value = stack[name] ?? env[SETTINGS[name].env];
    return value === undefined || value.trim() === "" ? undefined : value.trim();
  };
  const accessKey = pick("accessKey");
  const secretKey = pick("secretKey");
  if (!accessKey || !secretKey) {
    const missing = [!accessKey && "access key", !secretKey && "secret key"].filter(Boolean).join(" and ");
    throw new VolcengineError({
      kind: "config",
      action,
      code: ErrorCode.MissingCredentials,
      message: `no Volcengine ${missing} is configured`,
      hint:
        "either set stack config: `pulumi config set volcengine:accessKey AKLT…` and `pulumi config set --secret " +
        "volcengine:secretKey …`, " +
        "or export VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY before running pulumi",
    });
  }
  const endpoint = parseEndpoint(action, pick("smsEndpoint") ?? DEFAULT_SMS_ENDPOINT);
  const positive = (name: SettingName, fallback: number, rule: (n: number) => boolean = (n) => n > 0): number => {
    const text = pick(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || !rule(value)) {
      throw configError(
        action,
        ErrorCode.InvalidSetting,
        `${SETTINGS[name].config} / ${SETTINGS[name].env} is "${text}", not a positive ` +
          `${name === "maxAttempts" ? "whole number" : "number of seconds"}`,
        `set it to e.g. ${fallback}`,
      );
    }
    return value;
  };
  const fileContentFormat = pick("fileContentFormat") ?? "dataUri";
  if (fileContentFormat !== "dataUri" && fileContentFormat !== "base64") {
    throw configError(
      action,
      ErrorCode.InvalidSetting,
      `${SETTINGS.fileContentFormat.config} / ${SETTINGS.fileContentFormat.env} is "${fileContentFormat}"`,
      "set it to dataUri or base64",
    );
  }
  const caFile = pick("caFile");
  return {
    fileContentFormat,
    ...(caFile === undefined ? {} : { ca: readCaFile(action, caFile) }),
    credentials: { accessKey, secretKey, sessionToken: pick("sessionToken") },
    region: pick("region") ?? DEFAULT_REGION,
    endpoint,
    timeoutMs: Math.round(positive("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS) * 1000),
    connectTimeoutMs: Math.round(positive("connectTimeoutSeconds", DEFAULT_CONNECT_TIMEOUT_SECONDS) * 1000),
    retryPolicy: {
      ...DEFAULT_RETRY_POLICY,
      maxAttempts: positive("maxAttempts", DEFAULT_RETRY_POLICY.maxAttempts, (n) => Number.isInteger(n) && n >= 1),
      deadlineMs: Math.round(positive("retryDeadlineSeconds", DEFAULT_RETRY_POLICY.deadlineMs / 1000) * 1000),
    },
  };
}

/** Read when a method runs, like every setting, so neither the path's contents nor the path reach the state. */
function readCaFile(action: string, file: string): string {
  const where = `${SETTINGS.caFile.config} / ${SETTINGS.caFile.env}`;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw configError(
      action,
      ErrorCode.InvalidSetting,
      `${where} is "${file}", which cannot be read (${code})`,
      "set it to the path of a PEM file with the CA certificate that signs the endpoint's certificate",
    );
  }
  if (!text.includes("-----BEGIN CERTIFICATE-----")) {
    throw configError(
      action,
      ErrorCode.InvalidSetting,
      `${where} is "${file}", which holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
      "set it to the path of a PEM file with the CA certificate that signs the endpoint's certificate",
    );
  }
  return text;
}

/** The endpoint must be https, except on loopback (a local emulator or a test server), and carry no query. */
function parseEndpoint(action: string, text: string): URL {
  const where = `set ${SETTINGS.smsEndpoint.config} or ${SETTINGS.smsEndpoint.env}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configError(
      action,
      ErrorCode.InvalidEndpoint,
      `the SMS endpoint "${text}" is not a URL`,
      `${where} to e.g. ${DEFAULT_SMS_ENDPOINT}`,
    );
  }
  if (text.includes("?") || text.includes("#")) {
    // The query is not the provider's to sign (it writes Action and Version itself); sent as it stands, it fails with
    // SignatureDoesNotMatch. Its content is not repeated: a proxy's query may hold a token.
    throw configError(
      action,
      ErrorCode.InvalidEndpoint,
      `the SMS endpoint ${url.origin}${url.pathname} has a query string or fragment (?… or #…), ` +
        "which the provider cannot sign",
      `${where} to the endpoint's address alone, e.g. ${DEFAULT_SMS_ENDPOINT}`,
    );
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && isLoopback(url.hostname)) return url;
  throw configError(
    action,
    ErrorCode.InsecureEndpoint,
    `the SMS endpoint ${url.origin} is not https: requests carry ID numbers and scans, so plain http is allowed ` +
      `only on loopback`,
    `${where} to an https:// URL`,
  );
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function configError(action: string, code: ErrorCode, message: string, hint: string): VolcengineError {
  return new VolcengineError({ kind: "config", action, code, message, hint });
}
