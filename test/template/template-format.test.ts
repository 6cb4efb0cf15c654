import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { resolveTemplateTarget } from '../../src/template/template-format.js';

describe('resolveTemplateTarget', () => {
  it('defaults to agenda-template.xlsx', () => {
    expect(resolveTemplateTarget(undefined, undefined)).toEqual({ format: 'xlsx', path: 'agenda-template.xlsx' });
  });

  it('names the default file after --format', () => {
    expect(resolveTemplateTarget('csv', undefined)).toEqual({ format: 'csv', path: 'agenda-template.csv' });
  });

  it('takes the format from the output ending, in any case', () => {
    expect(resolveTemplateTarget(undefined, 'out/Agenda.CSV')).toEqual({ format: 'csv', path: 'out/Agenda.CSV' });
  });

  it('lets --format name a file without a known ending', () => {
    expect(resolveTemplateTarget('xlsx', 'agenda')).toEqual({ format: 'xlsx', path: 'agenda' });
  });

  it('refuses an ending it cannot read and a --format that contradicts the ending', () => {
    expect(() => resolveTemplateTarget(undefined, 'agenda.txt')).toThrow(/cannot tell the format from the output name "agenda.txt"/);
    expect(() => resolveTemplateTarget('csv', 'agenda.xlsx')).toThrow(GuidebookImportError);
  });
});
