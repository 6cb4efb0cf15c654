import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashKeyIndex, StringIndex, stringHash } from '../../src/hash-index.js';

// A StringIndex must answer every call as a Map<string, number> would: the same values, sizes
// and key order, whatever the keys' hashes (collisions forced below).

type Op = { kind: 'set' | 'getOrAdd' | 'get' | 'has'; key: string; value: number };

const keys = fc.oneof(
  // Few distinct keys, so that most operations meet a key already there.
  fc.constantFrom('', 'a', 'A', 'ab', 'ba', 'S000001', 'S000002', 'gbi-0123', '\u00e9', 'e\u0301', '\ud800', ' a'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const ops = fc.array(
  fc.record({ kind: fc.constantFrom('set', 'getOrAdd', 'get', 'has'), key: keys, value: fc.integer({ min: 0, max: 200_000 }) }),
  { maxLength: 400 },
) as fc.Arbitrary<Op[]>;

const hashes: Record<string, (key: string) => number> = {
  fnv: stringHash,
  'one hash for all keys': () => 7,
  'by length only': (key) => key.length & 3,
  'negative and large': (key) => (key.length % 2 === 0 ? -1 : 0x7fffffff),
};

function sameAsMap(hash: (key: string) => number, list: Op[]): void {
  const index = new StringIndex(hash);
  const map = new Map<string, number>();
  for (const { kind, key, value } of list) {
    if (kind === 'set') {
      index.set(key, value);
      map.set(key, value);
    } else if (kind === 'getOrAdd') {
      const had = map.get(key);
      if (had === undefined) map.set(key, value);
      expect(index.getOrAdd(key, value)).toBe(had);
    } else if (kind === 'get') {
      expect(index.get(key)).toBe(map.get(key));
    } else {
      expect(index.has(key)).toBe(map.has(key));
    }
    expect(index.size).toBe(map.size);
  }
  expect([...index.keys()]).toEqual([...map.keys()]);
  expect([...index]).toEqual([...map]);
  expect(new Map(index.entries())).toEqual(map);
}

describe('StringIndex', () => {
  for (const [name, hash] of Object.entries(hashes)) {
    it(`answers as a Map<string, number> does (hash: ${name})`, () => {
      fc.assert(
        fc.property(ops, (list) => sameAsMap(hash, list)),
        { numRuns: 200 },
      );
    });
  }

  it('holds 100k distinct keys through its growth, each with its own value', () => {
    const index = new StringIndex();
    let found = 0;
    for (let row = 0; row < 100_000; row++) if (index.getOrAdd(`S${String(row).padStart(6, '0')}`, row) !== undefined) found++;
    expect(found).toBe(0);
    expect(index.size).toBe(100_000);
    expect(index.get('S000000')).toBe(0);
    expect(index.get('S099999')).toBe(99_999);
    expect(index.get('S100000')).toBeUndefined();
    expect(index.getOrAdd('S050000', 1)).toBe(50_000);
  });

  it('tells keys apart by their text alone, not by their hash', () => {
    const index = new StringIndex(() => 0);
    index.set('a', 1).set('b', 2);
    expect([index.get('a'), index.get('b'), index.get('c')]).toEqual([1, 2, undefined]);
  });
});

describe('HashKeyIndex', () => {
  // Keys that share their low bits land on one slot: multiples of 4096 collide in every table
  // up to 4096 slots, and the extremes of int32 are keys too.
  const intKeys = fc.oneof(
    fc.integer({ min: -3, max: 3 }).map((n) => n * 4096),
    fc.constantFrom(0, 1, -1, 0x3fffffff, -0x80000000, 0x7fffffff),
    fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  );
  const intOps = fc.array(
    fc.record({ kind: fc.constantFrom('getOrAdd', 'get'), key: intKeys, value: fc.integer({ min: 0, max: 0x7ffffffe }) }),
    { maxLength: 400 },
  );

  it('answers as a Map<number, number> does, colliding keys included', () => {
    fc.assert(
      fc.property(intOps, (list) => {
        const index = new HashKeyIndex();
        const map = new Map<number, number>();
        for (const { kind, key, value } of list) {
          const had = map.get(key);
          if (kind === 'get') expect(index.get(key)).toBe(had);
          else {
            if (had === undefined) map.set(key, value);
            expect(index.getOrAdd(key, value)).toBe(had);
          }
          expect(index.size).toBe(map.size);
        }
        for (const [key, value] of map) expect(index.get(key)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps 100k keys that all share their low bits apart from 100k that do not', () => {
    const index = new HashKeyIndex();
    let found = 0;
    for (let n = 0; n < 2_000; n++) if (index.getOrAdd(n * 65_536, n) !== undefined) found++;
    for (let n = 0; n < 100_000; n++) if (index.getOrAdd(Math.imul(n, 0x9e3779b1) | 1, 5_000 + n) !== undefined) found++;
    expect(found).toBe(0);
    expect(index.size).toBe(102_000);
    expect(index.get(1_999 * 65_536)).toBe(1_999);
    expect(index.get(Math.imul(99_999, 0x9e3779b1) | 1)).toBe(104_999);
  });
});
