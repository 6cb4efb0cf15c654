// Link order = the order of the cell, at the least cost: standing links already in order keep their
// ranks and new ones slot in between; only an order that changed renumbers.
import { describe, expect, it } from 'vitest';
import { linkRanks } from '../../src/speakers/plan-speakers.js';

describe('linkRanks', () => {
  it('numbers a fresh group 0, 1, 2', () => {
    expect(linkRanks([undefined, undefined, undefined])).toEqual([0, 1, 2]);
  });
  it('keeps standing ranks in order and slots new links between, before and after them', () => {
    expect(linkRanks([0, undefined, 1])).toEqual([0, 0.5, 1]);
    expect(linkRanks([0, undefined, undefined, 3])).toEqual([0, 1, 2, 3]);
    expect(linkRanks([undefined, 0, 1])).toEqual([-1, 0, 1]);
    expect(linkRanks([0, 1, undefined, undefined])).toEqual([0, 1, 2, 3]);
    expect(linkRanks([2.5, undefined])).toEqual([2.5, 3]);
  });
  it('keeps a group with one link removed as it is', () => {
    expect(linkRanks([0, 2])).toEqual([0, 2]);
  });
  it('renumbers when the standing links are out of the cell order', () => {
    expect(linkRanks([1, 0])).toEqual([0, 1]);
    expect(linkRanks([3, undefined, 1])).toEqual([0, 1, 2]);
  });
});
