/**
 * The example program, then a failure after it declared its resources: an apply that throws, whose rejection nothing
 * awaits. `pulumi up` fails such a program; so must `npm start`.
 */
import * as pulumi from "@pulumi/pulumi";
import { loadExampleProgram } from "../../support/example-stack";

export const THROWN_LATER = "the program failed after it declared its resources";

loadExampleProgram();

pulumi.output("declared").apply(() => {
  throw new Error(THROWN_LATER);
});
