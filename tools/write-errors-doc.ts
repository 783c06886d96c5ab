/** Writes docs/errors.md from the error catalogue. Run with `npm run docs:errors`. */
import { writeFileSync } from "node:fs";
import { renderErrorsDoc } from "../src/errors/render-errors-doc.js";

writeFileSync("docs/errors.md", renderErrorsDoc());
process.stdout.write("wrote docs/errors.md\n");
