// Every memo of the time engine, in one place. A 100k-row agenda repeats a few thousand texts and
// falls in a few hundred hours, so the expensive parts (parsing a text, asking Intl for a zone's
// offset, resolving a wall time on a DST day) are done once per distinct input. The memos are
// pure functions of their keys, so they live for the process; each is capped, so an odd input
// (a million distinct texts) costs memory only up to the cap. Not part of the public API and
// never stored in a domain value: callers cannot tell whether a cache answered.

/** A lookup table that forgets everything once it holds `limit` entries: a full reset is rare. */
export interface Memo<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

const clearers: Array<() => void> = [];
let enabled = true;

function boundedMemo<K, V>(limit: number, switchable: boolean): { memo: Memo<K, V>; clear: () => void } {
  const map = new Map<K, V>();
  const memo: Memo<K, V> = {
    get: (key) => (enabled || !switchable ? map.get(key) : undefined),
    set(key, value) {
      if (!enabled && switchable) return;
      if (map.size >= limit) map.clear();
      map.set(key, value);
    },
  };
  return { memo, clear: () => map.clear() };
}

/**
 * A bounded memo. `switchable: false` for the lookups every run makes anyway (is this name a zone,
 * the zone object of a name), which setTimeCachesEnabled leaves on: the uncached baseline then
 * measures the conversion memos alone.
 */
export function createMemo<K, V>(limit = 250_000, switchable = true): Memo<K, V> {
  const { memo, clear } = boundedMemo<K, V>(limit, switchable);
  clearers.push(clear);
  return memo;
}

/** A memo per name (zone name, date format); at most `names` of them are kept. */
export function createMemoFamily<K, V>(limit = 250_000, names = 1_000): (name: string) => Memo<K, V> {
  const byName = new Map<string, Memo<K, V>>();
  clearers.push(() => byName.clear());
  return (name) => {
    let memo = byName.get(name);
    if (!memo) {
      if (byName.size >= names) byName.clear();
      memo = boundedMemo<K, V>(limit, true).memo;
      byName.set(name, memo);
    }
    return memo;
  };
}

/**
 * A memo per object (a column's parser), found by the object itself: no key is built per lookup.
 * The memos go with their objects; clearTimeCaches forgets them all.
 */
export function createObjectMemoFamily<O extends object, K, V>(limit = 250_000): (owner: O) => Memo<K, V> {
  let byOwner = new WeakMap<O, Memo<K, V>>();
  clearers.push(() => {
    byOwner = new WeakMap();
  });
  return (owner) => {
    let memo = byOwner.get(owner);
    if (!memo) {
      memo = boundedMemo<K, V>(limit, true).memo;
      byOwner.set(owner, memo);
    }
    return memo;
  };
}

/**
 * Switches every memo off (and empties them) or back on. For the benchmark's uncached baseline
 * and the tests that prove a memo never changes a result; the library never calls it.
 */
export function setTimeCachesEnabled(on: boolean): void {
  enabled = on;
  clearTimeCaches();
}

/** Empties every memo: a benchmark run then starts cold, as a fresh process would. */
export function clearTimeCaches(): void {
  for (const clear of clearers) clear();
}
