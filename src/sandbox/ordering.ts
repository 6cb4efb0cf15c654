// DRF's OrderingFilter: `ordering=-start_time,id`. Unknown names are ignored; ties end by id,
// unless the listing is unstable (see UnstableOrder).

type Comparable = string | number | null | undefined;

/**
 * A database without a tie-breaker (the sandbox's --unstable-order): the default ordering is
 * `defaultKey` instead of id, and records that tie come back in a different order on every
 * request, so pages can repeat and skip records. Asking for `id` in the ordering makes it stable.
 */
export interface UnstableOrder {
  random: () => number;
  defaultKey: string | null;
}

export function orderRecords<T extends { id: number }>(
  records: T[],
  ordering: string | null,
  allowed: readonly string[],
  unstable?: UnstableOrder,
): T[] {
  const keys = (ordering ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => allowed.includes(part.replace(/^-/, '')))
    .map((part) => ({ field: part.replace(/^-/, ''), descending: part.startsWith('-') }));
  let start = [...records];
  if (unstable) {
    if (keys.length === 0 && unstable.defaultKey !== null) keys.push({ field: unstable.defaultKey, descending: false });
    start = shuffled(start, unstable.random);
  } else {
    keys.push({ field: 'id', descending: false });
  }
  // Array.prototype.sort is stable: ties keep the (shuffled) order they arrived in.
  return start.sort((a, b) => {
    for (const { field, descending } of keys) {
      const order = compare((a as Record<string, unknown>)[field] as Comparable, (b as Record<string, unknown>)[field] as Comparable);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}

function shuffled<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Nulls sort after every value, as PostgreSQL sorts them ascending. */
function compare(a: Comparable, b: Comparable): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
