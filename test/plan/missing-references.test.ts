import { describe, expect, it } from 'vitest';
import { slipOf } from '../../src/did-you-mean.js';
import { buildReferenceIndex, collectUnknownReferences, missingReferencesMessage, nearNamesMessage } from '../../src/plan/references.js';

const tracks = buildReferenceIndex('track', [
  { id: 1, name: 'Keynote' },
  { id: 2, name: 'Data Engineering' },
  { id: 3, name: 'Web' },
]);

describe('missing tracks and rooms: one run message', () => {
  it('counts rows per name once, whatever the spelling, and suggests only close names', () => {
    const unknown = collectUnknownReferences(tracks);
    for (const name of ['Keynotes', 'keynotes ', 'Data Engineerng', 'Gardening', 'Keynotes']) unknown.note(name.trim());
    expect(unknown.list()).toEqual([
      { name: 'Keynotes', rows: 3, suggestion: 'Keynote' },
      { name: 'Data Engineerng', rows: 1, suggestion: 'Data Engineering' },
      { name: 'Gardening', rows: 1, suggestion: null },
    ]);
  });

  it('says how many are missing, the fix, and each name with its did-you-mean', () => {
    const message = missingReferencesMessage(
      1,
      [
        { name: 'Keynotes', rows: 3, suggestion: 'Keynote' },
        { name: 'Gardening', rows: 1, suggestion: null },
      ],
      [{ name: 'Room 9', rows: 2, suggestion: null }],
    );
    expect(message).toBe(
      '2 tracks and 1 room are missing from guide 1 (named on 6 rows, which stay invalid): add --create-missing to create them, ' +
        'or fix these names: tracks "Keynotes" (did you mean "Keynote"?), "Gardening"; rooms "Room 9"',
    );
    expect(missingReferencesMessage(1, [], [])).toBeNull();
  });

  it('keeps a long list short', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `T${i}`, rows: 1, suggestion: null }));
    const message = missingReferencesMessage(4, many, []) ?? '';
    expect(message).toMatch(/^20 tracks are missing from guide 4/);
    expect(message).toContain('"T11", … 8 more');
    expect(message).not.toContain('"T12"');
  });

  it('--create-missing: a name one slip from one the guide has is said, a new word or number is not', () => {
    const guide = ['Keynote', 'Data Engineering', 'Main Hall', 'Room 201', 'Track A', 'Café'];
    expect(slipOf('Keynotes', guide)).toBe('Keynote');
    expect(slipOf('data engineerng', guide)).toBe('Data Engineering');
    expect(slipOf('Main Hal', guide)).toBe('Main Hall');
    expect(slipOf('Cafés', guide)).toBe('Café');
    expect(slipOf('Room 204', guide)).toBeNull(); // another room, by its number
    expect(slipOf('Track B', guide)).toBeNull(); // another track, by its letter
    expect(slipOf('Main Mall', guide)).toBeNull(); // one changed letter of a short word: another name
    expect(slipOf('Data', guide)).toBeNull(); // fewer words: a name of its own
    expect(slipOf('Data Science', guide)).toBeNull(); // a different word, not a slip
    expect(slipOf('Gardening', guide)).toBeNull();

    const named = (name: string) => ({ name, import_id: `gbi-x-${name}` });
    expect(
      nearNamesMessage(
        3,
        { tracks: [named('Keynotes'), named('Gardening')], locations: [named('Room 204')] },
        { tracks: guide, locations: guide },
      ),
    ).toBe(
      '--create-missing creates a name one slip away from a name the guide has: track "Keynotes" (guide 3 has "Keynote"); ' +
        'if it is a typo, fix the sheet (the sessions are linked to the names as the sheet writes them)',
    );
    expect(nearNamesMessage(3, { tracks: [named('Gardening')], locations: [] }, { tracks: guide, locations: guide })).toBeNull();
  });
});
