/** A lookup table that may be switched off (the benchmark measures both ways). */
export interface Memo<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

/**
 * A Map that forgets everything once it holds `limit` entries: a 100k-row sheet repeats a few
 * thousand distinct values, so a full reset is rare and keeps memory bounded on odd inputs.
 */
export function createMemo<K, V>(limit = 250_000): Memo<K, V> {
  const map = new Map<K, V>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= limit) map.clear();
      map.set(key, value);
    },
  };
}

export function disabledMemo<K, V>(): Memo<K, V> {
  return { get: () => undefined, set: () => undefined };
}
