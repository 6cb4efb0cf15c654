// The month and weekday names are written out in src/time/local-names.ts so that start-up does
// not load eight languages' locale data from Intl. They must stay what luxon's Info (Intl's CLDR
// names) gives, or a name would be read differently than before: checked on the running Node.
import { Info } from 'luxon';
import { describe, expect, it } from 'vitest';
import { NAME_LANGUAGES, NAME_LISTS } from '../../src/time/local-names.js';

describe('the written-out month and weekday names', () => {
  it('cover every language read by name except Japanese (read by its own pattern)', () => {
    expect(Object.keys(NAME_LISTS).sort()).toEqual(NAME_LANGUAGES.filter((language) => language !== 'ja').sort());
  });

  for (const [language, lists] of Object.entries(NAME_LISTS)) {
    it(`${language}: are luxon's Info.months and Info.weekdays, long and short`, () => {
      expect(lists.months).toEqual([Info.months('long', { locale: language }), Info.months('short', { locale: language })]);
      expect(lists.weekdays).toEqual([Info.weekdays('long', { locale: language }), Info.weekdays('short', { locale: language })]);
      expect(lists.months[0]).toHaveLength(12);
      expect(lists.weekdays[1]).toHaveLength(7);
    });
  }
});
