// Writes schemas/*.json from the zod schemas the code holds: the --json summary, the config file
// and the mapping file. `npm run schemas` after changing one; test/packaging/json-schemas.test.ts
// fails while the committed files differ from what this writes. Not part of the published
// package: the package ships the generated schemas/ only.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from './json-schemas.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(join(root, 'schemas', name), text);
  process.stdout.write(`schemas/${name}\n`);
}
