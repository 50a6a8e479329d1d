/**
 * FROZEN: state names this module as `require("pulumi-volcengine-sms/shims/sms-signature-ident")` (engine/shim.ts).
 * Its package subpath and its methods stay as they are in every later release.
 */
import { shimOf } from "../engine/shim";
import { QUALIFICATION_TYPE } from "../resources/qualification/types";

export = shimOf(QUALIFICATION_TYPE);
