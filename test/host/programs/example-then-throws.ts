/**
 * The example program, then a failure after it declared its resources: an apply that throws, whose rejection nothing
 * awaits. `pulumi up` fails such a program; so must `npm start`.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

export const THROWN_LATER = "the program failed after it declared its resources";

const example = path.resolve(__dirname, "..", "..", "..", "examples", "index.ts");
delete require.cache[require.resolve(example)];
require(example);

pulumi.output("declared").apply(() => {
  throw new Error(THROWN_LATER);
});
