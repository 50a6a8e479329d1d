// Errors the API gateway answers before (or instead of) the SMS service, with the HTTP
// statuses the vendor documents for them.
import { AUTH_ERROR_HTTP_STATUS, type AuthErrorCode } from "./verify-signature";

export type GatewayErrorCode =
  | AuthErrorCode
  | "InvalidActionOrVersion"
  | "RequestEntityTooLarge"
  | "FlowLimitExceeded"
  | "InternalError"
  | "FailToConnect"
  | "ServiceUnavailableTemp"
  | "InternalServiceTimeout";

export const GATEWAY_ERROR_HTTP_STATUS: Readonly<Record<GatewayErrorCode, number>> = {
  ...AUTH_ERROR_HTTP_STATUS,
  InvalidActionOrVersion: 404,
  RequestEntityTooLarge: 413,
  FlowLimitExceeded: 429,
  InternalError: 500,
  FailToConnect: 502,
  ServiceUnavailableTemp: 503,
  InternalServiceTimeout: 504,
};

export const GATEWAY_ERROR_MESSAGES: Readonly<Partial<Record<GatewayErrorCode, string>>> = {
  FlowLimitExceeded: "Request was denied due to flow limit exceeded.",
  InternalError: "The request has failed due to an unknown error, exception or failure.",
  FailToConnect: "The gateway failed to connect to the service.",
  ServiceUnavailableTemp: "The service is temporarily unavailable. Please try again later.",
  InternalServiceTimeout: "The service did not answer the gateway in time.",
};

export interface GatewayError {
  code: GatewayErrorCode;
  httpStatus: number;
  message: string;
}

export function gatewayError(code: GatewayErrorCode, message?: string): GatewayError {
  return {
    code,
    httpStatus: GATEWAY_ERROR_HTTP_STATUS[code],
    message: message ?? GATEWAY_ERROR_MESSAGES[code] ?? code,
  };
}
