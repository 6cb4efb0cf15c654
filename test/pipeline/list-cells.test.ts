import { afterAll, describe, expect, it } from 'vitest';
import { convertFile, scratchDir, writeCsv } from './layout-helpers.js';

// Lists in one cell (issue 12, pattern 9), read through the whole pipeline.
const scratch = scratchDir('gbi-lists-');
afterAll(scratch.remove);

describe('track, room and speaker lists', () => {
  it('split on the one separator each cell uses; a slash inside a name stays', async () => {
    const file = writeCsv(scratch.dir, 'lists.csv', [
      'Title,Date,Start,Track,Room,Speakers',
      'One,2027-05-14,9:00,Data | Web,"Hall A, Level 2; Hall B",Ana Ruiz\\nBo Li',
      'Two,2027-05-14,10:00,Data / Web,Hall 1/2,"Cy Dee, Ed Fo"',
      'Three,2027-05-14,11:00,"Data\nWeb",Hall 1/2 / Foyer,Gu Ha | Ik Jo',
    ]);
    const { sessions, invalid } = await convertFile({ file }, { timezone: 'UTC' });
    expect(invalid).toEqual([]);
    expect(sessions.map((session) => [session.tracks, session.locations, session.speakers?.map((speaker) => speaker.name)])).toEqual([
      [
        ['Data', 'Web'],
        ['Hall A, Level 2', 'Hall B'],
        ['Ana Ruiz', 'Bo Li'],
      ],
      [['Data', 'Web'], ['Hall 1/2'], ['Cy Dee', 'Ed Fo']],
      [
        ['Data', 'Web'],
        ['Hall 1/2', 'Foyer'],
        ['Gu Ha', 'Ik Jo'],
      ],
    ]);
  });
});
