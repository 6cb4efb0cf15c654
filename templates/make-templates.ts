// Writes the committed files of templates/ from the same code `guidebook-import template` runs.
// Run: npx tsx templates/make-templates.ts   (deterministic: a re-run changes no byte)
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builderTemplateBytes } from '../src/template/builder-template.js';
import { speakersTemplateCsvBytes, templateBytes } from '../src/template/write-template.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every file of templates/ and its bytes. */
export function templateFiles(): Array<{ name: string; bytes: Buffer }> {
  return [
    { name: 'agenda-template.csv', bytes: templateBytes('csv') },
    { name: 'agenda-template-speakers.csv', bytes: speakersTemplateCsvBytes() },
    { name: 'agenda-template.xlsx', bytes: templateBytes('xlsx') },
    { name: 'guidebook-builder-schedule-template.csv', bytes: builderTemplateBytes('csv') },
    { name: 'guidebook-builder-schedule-template.xlsx', bytes: builderTemplateBytes('xlsx') },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const file of templateFiles()) {
    await writeFile(join(here, file.name), file.bytes);
    process.stdout.write(`templates/${file.name}\n`);
  }
}
