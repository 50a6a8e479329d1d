/** The providers resources of this checkout store: the by-value copies (engine/shim.ts), as not installed from npm. */
import { storedProvider } from "../../provider/engine/shim";

import qualificationShim = require("../../provider/shims/sms-signature-ident");
import signatureShim = require("../../provider/shims/sms-signature");
import templateShim = require("../../provider/shims/sms-template");

export const qualificationProvider = storedProvider(qualificationShim);
export const signatureProvider = storedProvider(signatureShim);
export const templateProvider = storedProvider(templateShim);
