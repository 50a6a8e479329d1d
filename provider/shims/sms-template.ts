/**
 * FROZEN: state names this module as `require("pulumi-volcengine-sms/shims/sms-template")` (engine/shim.ts).
 * Its package subpath and its methods stay as they are in every later release.
 */
import { shimOf } from "../engine/shim";
import { TEMPLATE_TYPE } from "../resources/template/types";

export = shimOf(TEMPLATE_TYPE);
