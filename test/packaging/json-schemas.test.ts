// schemas/*.json are generated from the zod schemas in the code and shipped in the package: the
// committed files must be what the generator writes now, and the files they describe must be
// accepted by the readers with a "$schema" key pointing at them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/options/config-file.js';
import { loadMappingFile } from '../../src/options/mapping-file.js';
import { jsonSchemaFiles } from '../../scripts/json-schemas.js';
import { REPO_ROOT } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

describe('schemas/', () => {
  it('holds exactly what scripts/write-json-schemas.ts writes (run `npm run schemas` after a change)', () => {
    const files = jsonSchemaFiles();
    expect(Object.keys(files).sort()).toEqual(['config.schema.json', 'json-summary.schema.json', 'mapping.schema.json']);
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(join(REPO_ROOT, 'schemas', name), 'utf8'), name).toBe(text);
    }
  });

  it('lists no union of types (Ajv strict mode refuses one without allowUnionTypes; null alone is fine)', () => {
    const unions: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const { type } = node as { type?: unknown };
      if (Array.isArray(type) && type.filter((t) => t !== 'null').length > 1) unions.push(path);
      for (const [key, value] of Object.entries(node)) visit(value, `${path}/${key}`);
    };
    for (const [name, text] of Object.entries(jsonSchemaFiles())) visit(JSON.parse(text), name);
    expect(unions).toEqual([]);
  });

  it('lets "$comment" keys into the mapping\'s columns and defaults, as the reader ignores them there too', () => {
    const schema = JSON.parse(jsonSchemaFiles()['mapping.schema.json']!) as {
      properties: Record<string, { patternProperties?: Record<string, unknown> }>;
    };
    expect(schema.properties.columns?.patternProperties).toEqual({ '^\\$comment': {} });
    expect(schema.properties.defaults?.patternProperties).toEqual({ '^\\$comment': {} });
    const dir = tempDir('gi-schemas-comment');
    const mapping = join(dir, 'm.json');
    writeFileSync(mapping, JSON.stringify({ columns: { $comment: 'the talk', Talk: 'name' }, defaults: { $comment: 'x', rank: 1 } }));
    expect(loadMappingFile(mapping).columns).toEqual({ Talk: 'name' });
  });

  it('describes the config keys the reader takes, both spellings, and closes the rest', () => {
    const schema = JSON.parse(jsonSchemaFiles()['config.schema.json']!) as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(schema.properties).toHaveProperty('createMissing');
    expect(schema.properties).toHaveProperty('create-missing');
    expect(schema.properties).toHaveProperty('$schema');
    expect(schema.properties).not.toHaveProperty('apiKey');
    expect(schema.additionalProperties).toBe(false);
  });

  it('config and mapping files may name their schema', () => {
    const dir = tempDir('gi-schemas');
    const config = join(dir, 'c.json');
    writeFileSync(config, JSON.stringify({ $schema: 'https://unpkg.com/guidebook-import/schemas/config.schema.json', guide: 47 }));
    expect(loadConfigFile(config).values).toEqual({ guide: 47 });
    const mapping = join(dir, 'm.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        $schema: '../schemas/mapping.schema.json',
        columns: { Talk: 'name' },
        formats: { $comment: 'd.M.', date: 'd.M.yyyy' },
      }),
    );
    const loaded = loadMappingFile(mapping);
    expect(loaded.columns).toEqual({ Talk: 'name' });
    expect(loaded.formats).toEqual({ date: 'd.M.yyyy' });
  });
});
