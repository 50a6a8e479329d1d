// SMS business failures: HTTP 200 with a numeric Code, as the vendor's SMS service answers them.

export const BUSINESS_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  "1001": "参数错误",
  "1003": "already exists",
  "1005": "status is not reviewing",
  "1023": "no permission",
  "1027": "daily creation limit reached",
  "1999": "系统错误",
};

export class BusinessError extends Error {
  constructor(
    readonly code: string,
    message: string = BUSINESS_ERROR_MESSAGES[code] ?? "business error",
  ) {
    super(message);
    this.name = "BusinessError";
  }

  /** The numeric form the vendor adds as CodeN, when the code is numeric. */
  get codeN(): number | undefined {
    return /^\d+$/.test(this.code) ? Number(this.code) : undefined;
  }
}

/** Code 1001. The detail names the offending field and never repeats the value that was sent. */
export function invalidParameter(detail: string): BusinessError {
  return new BusinessError("1001", `${BUSINESS_ERROR_MESSAGES["1001"]}: ${detail}`);
}
