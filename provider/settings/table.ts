/**
 * Every setting of the provider: its stack config key (namespace `volcengine`) and the environment variable used when
 * the key is not set. Hints name settings through `settingNames`, so a renamed setting cannot leave a stale hint.
 */
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
  signatureApiVersion: { config: "volcengine:smsSignatureApiVersion", env: "VOLCENGINE_SMS_SIGNATURE_API_VERSION" },
  signatureMaxChars: { config: "volcengine:smsSignatureMaxChars", env: "VOLCENGINE_SMS_SIGNATURE_MAX_CHARS" },
} as const;
export type SettingName = keyof typeof SETTINGS;

/** What the provider's `configure` received from the stack config (secrets arrive unwrapped). */
export type StackSettings = Partial<Record<SettingName, string>>;

/** A setting as hints write it: `volcengine:smsEndpoint / VOLCENGINE_SMS_ENDPOINT`. */
export function settingNames(name: SettingName): string {
  return `${SETTINGS[name].config} / ${SETTINGS[name].env}`;
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
