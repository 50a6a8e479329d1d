/**
 * FROZEN: state names this module as `require("pulumi-volcengine-sms/shims/sms-signature")` (engine/shim.ts).
 * Its package subpath and its methods stay as they are in every later release.
 */
import { shimOf } from "../engine/shim";
import { SIGNATURE_TYPE } from "../resources/signature/types";

export = shimOf(SIGNATURE_TYPE);
