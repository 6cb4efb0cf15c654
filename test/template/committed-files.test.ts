// templates/ and samples/ are generated: the committed bytes must be what the scripts make now,
// so a change to the generators cannot leave stale files behind.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sampleFiles } from '../../samples/make-samples.js';
import { templateFiles } from '../../templates/make-templates.js';

describe('generated files are committed up to date', () => {
  it.each(templateFiles().map((file) => [`templates/${file.name}`, file.bytes] as const))(
    '%s matches templates/make-templates.ts',
    async (path, bytes) => {
      expect((await readFile(path)).equals(bytes), `run: npx tsx templates/make-templates.ts`).toBe(true);
    },
  );

  it.each(sampleFiles().map((file) => [`samples/${file.name}`, file.bytes] as const))(
    '%s matches samples/make-samples.ts',
    async (path, bytes) => {
      expect((await readFile(path)).equals(bytes), `run: npx tsx samples/make-samples.ts`).toBe(true);
    },
  );

  it('generates the same bytes twice (deterministic)', () => {
    const first = [...templateFiles(), ...sampleFiles()];
    const second = [...templateFiles(), ...sampleFiles()];
    expect(second.map((file) => file.bytes.equals(first.find((other) => other.name === file.name)!.bytes))).not.toContain(false);
  });
});
