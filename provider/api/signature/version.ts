/**
 * The Version the account-level signature actions are sent with. The vendor's Go and Java SDKs and its doc page send
 * 2025-01-01; its npm, Python and PHP SDKs still send 2021-01-11 for the same actions. The default follows the doc;
 * `volcengine:smsSignatureApiVersion` picks the other.
 */
import { ErrorCode, VolcengineError } from "../../errors";
import { settingNames } from "../../settings/table";

export const SIGNATURE_API_VERSIONS = ["2025-01-01", "2021-01-11"] as const;
export type SignatureApiVersion = (typeof SIGNATURE_API_VERSIONS)[number];

export function signatureApiVersion(setting: string | undefined, action: string): SignatureApiVersion {
  if (setting === undefined) return SIGNATURE_API_VERSIONS[0];
  if ((SIGNATURE_API_VERSIONS as readonly string[]).includes(setting)) return setting as SignatureApiVersion;
  throw new VolcengineError({
    kind: "config",
    action,
    code: ErrorCode.InvalidSetting,
    message: `${settingNames("signatureApiVersion")} is "${setting}"`,
    hint: `set it to ${SIGNATURE_API_VERSIONS.join(" or ")}`,
  });
}
