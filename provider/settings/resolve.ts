import { readFileSync } from "node:fs";
import type { FileContentFormat } from "../documents/inline";
import { ErrorCode, VolcengineError } from "../errors";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../http/retry";
import type { SigningCredentials } from "../signing/signer";
import { SETTINGS, type SettingName, type StackSettings, settingNames } from "./table";

export const DEFAULT_REGION = "cn-north-1";
export const DEFAULT_SMS_ENDPOINT = "https://sms.volcengineapi.com";
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

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

/** One setting's value: stack config first, then the environment; undefined when unset or blank. */
export function pickSetting(
  name: SettingName,
  stack: StackSettings,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const value = stack[name] ?? env[SETTINGS[name].env];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
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
  const pick = (name: SettingName) => pickSetting(name, stack, env);
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
        `either set stack config: \`pulumi config set ${SETTINGS.accessKey.config} AKLT…\` and ` +
        `\`pulumi config set --secret ${SETTINGS.secretKey.config} …\`, or export ${SETTINGS.accessKey.env} and ` +
        `${SETTINGS.secretKey.env} before running pulumi`,
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
        `${settingNames(name)} is "${text}", not a positive ` +
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
      `${settingNames("fileContentFormat")} is "${fileContentFormat}"`,
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
  const where = settingNames("caFile");
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
