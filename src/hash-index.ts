// Lookup tables for the per-row indexes of a sheet (the first row of each import_id, of each
// session key's hash): a 100k-row sheet adds 100k entries, one per row as it is read. A Map of
// them costs a hash-table entry object per key and, for strings, V8's own hashing and probing
// through a table that outgrows the caches; these keep the slots in two typed arrays (hash and
// entry number), open addressing with linear probing, and compare keys only on a hash match.
// Keys compare as a Map compares them (===): two tables differ from a Map in speed alone.

const FIRST_CAPACITY = 64;

/** FNV-1a over the string's UTF-16 code units: any string, lone surrogates included. */
export function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/**
 * A Map<string, number> for many keys: `get`, `set`, and the keys (and entries) in the order
 * they were first set, as a Map gives them. `hash` may be swapped (tests force collisions).
 */
export class StringIndex {
  #keys: string[] = [];
  #values: number[] = [];
  /** Per slot: the key's hash, and its entry number + 1 (0: an empty slot). */
  #hashes = new Int32Array(FIRST_CAPACITY);
  #entries = new Int32Array(FIRST_CAPACITY);
  readonly #hash: (key: string) => number;

  constructor(hash: (key: string) => number = stringHash) {
    this.#hash = hash;
  }

  get size(): number {
    return this.#keys.length;
  }

  get(key: string): number | undefined {
    const entry = this.#find(key, this.#hash(key));
    return entry < 0 ? undefined : this.#values[entry];
  }

  has(key: string): boolean {
    return this.#find(key, this.#hash(key)) >= 0;
  }

  set(key: string, value: number): this {
    const hash = this.#hash(key);
    const entry = this.#find(key, hash);
    if (entry >= 0) this.#values[entry] = value;
    else this.#add(key, hash, value);
    return this;
  }

  /** The value of `key`; when it has none, `value` is set and undefined returned (one lookup, not get + set). */
  getOrAdd(key: string, value: number): number | undefined {
    const hash = this.#hash(key);
    const entry = this.#find(key, hash);
    if (entry >= 0) return this.#values[entry];
    this.#add(key, hash, value);
    return undefined;
  }

  #add(key: string, hash: number, value: number): void {
    // At most half the slots full: probe runs stay short.
    if ((this.#keys.length + 1) * 2 > this.#entries.length) this.#grow();
    this.#keys.push(key);
    this.#values.push(value);
    this.#place(hash, this.#keys.length);
  }

  keys(): IterableIterator<string> {
    return this.#keys.values();
  }

  *entries(): IterableIterator<[string, number]> {
    for (let i = 0; i < this.#keys.length; i++) yield [this.#keys[i]!, this.#values[i]!];
  }

  [Symbol.iterator](): IterableIterator<[string, number]> {
    return this.entries();
  }

  /** The entry number of `key`, -1 when absent. */
  #find(key: string, hash: number): number {
    const mask = this.#entries.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#entries[slot]!;
      if (entry === 0) return -1;
      if (this.#hashes[slot] === hash && this.#keys[entry - 1] === key) return entry - 1;
    }
  }

  /** Puts entry number `entry` (+1) in the first free slot for `hash`. */
  #place(hash: number, entryPlusOne: number): void {
    const mask = this.#entries.length - 1;
    let slot = hash & mask;
    while (this.#entries[slot] !== 0) slot = (slot + 1) & mask;
    this.#hashes[slot] = hash;
    this.#entries[slot] = entryPlusOne;
  }

  #grow(): void {
    const hashes = this.#hashes;
    const entries = this.#entries;
    this.#hashes = new Int32Array(entries.length * 2);
    this.#entries = new Int32Array(entries.length * 2);
    for (let slot = 0; slot < entries.length; slot++) if (entries[slot] !== 0) this.#place(hashes[slot]!, entries[slot]!);
  }
}

/**
 * A Map<number, number> for many int32 keys that are hashes already (a session key's): the slot
 * is found from the key's low bits, so keys must be well mixed. Values are non-negative int32.
 */
export class HashKeyIndex {
  #size = 0;
  #keys = new Int32Array(FIRST_CAPACITY);
  /** Per slot: the value + 1 (0: an empty slot). */
  #values = new Int32Array(FIRST_CAPACITY);

  get size(): number {
    return this.#size;
  }

  get(key: number): number | undefined {
    const mask = this.#values.length - 1;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const value = this.#values[slot]!;
      if (value === 0) return undefined;
      if (this.#keys[slot] === key) return value - 1;
    }
  }

  /** The value of `key`; when it has none, `value` is set and undefined returned (one lookup, not get + set). */
  getOrAdd(key: number, value: number): number | undefined {
    let mask = this.#values.length - 1;
    let slot = key & mask;
    for (; ; slot = (slot + 1) & mask) {
      const found = this.#values[slot]!;
      if (found === 0) break;
      if (this.#keys[slot] === key) return found - 1;
    }
    // At most half the slots full: probe runs stay short.
    if ((this.#size + 1) * 2 > this.#values.length) {
      this.#grow();
      mask = this.#values.length - 1;
      for (slot = key & mask; this.#values[slot] !== 0; slot = (slot + 1) & mask);
    }
    this.#keys[slot] = key;
    this.#values[slot] = value + 1;
    this.#size++;
    return undefined;
  }

  #grow(): void {
    const keys = this.#keys;
    const values = this.#values;
    this.#keys = new Int32Array(values.length * 2);
    this.#values = new Int32Array(values.length * 2);
    const mask = this.#values.length - 1;
    for (let old = 0; old < values.length; old++) {
      if (values[old] === 0) continue;
      let slot = keys[old]! & mask;
      while (this.#values[slot] !== 0) slot = (slot + 1) & mask;
      this.#keys[slot] = keys[old]!;
      this.#values[slot] = values[old]!;
    }
  }
}
