/** `npm run schemas`: writes schemas/*.schema.json from the zod schemas (each file atomically). */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { schemaFiles } from "./json-schemas.js";

const dir = process.argv[2] ?? "schemas";
await mkdir(dir, { recursive: true });
for (const [file, text] of Object.entries(schemaFiles())) {
  const tmp = join(dir, `.${file}.${process.pid}.tmp`);
  await writeFile(tmp, text);
  await rename(tmp, join(dir, file));
  process.stdout.write(`wrote ${join(dir, file)}\n`);
}
