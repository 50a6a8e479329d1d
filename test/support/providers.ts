/** The providers resources of this checkout store: the by-value copies (engine/shim.ts), as not installed from npm. */
import { storedProvider } from "../../provider/engine/shim";

import qualificationShim = require("../../provider/shims/sms-signature-ident");

export const qualificationProvider = storedProvider(qualificationShim);
