import * as path from "node:path";

/** The checkout under test: every test and helper finds the repository from here. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
