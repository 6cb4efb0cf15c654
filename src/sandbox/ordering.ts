// DRF's OrderingFilter: `ordering=-start_time,id`. Unknown names are ignored; ties end by id.

type Comparable = string | number | null | undefined;

export function orderRecords<T extends { id: number }>(records: T[], ordering: string | null, allowed: readonly string[]): T[] {
  const keys = (ordering ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => allowed.includes(part.replace(/^-/, '')))
    .map((part) => ({ field: part.replace(/^-/, ''), descending: part.startsWith('-') }));
  keys.push({ field: 'id', descending: false });
  return [...records].sort((a, b) => {
    for (const { field, descending } of keys) {
      const order = compare((a as Record<string, unknown>)[field] as Comparable, (b as Record<string, unknown>)[field] as Comparable);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}

/** Nulls sort after every value, as PostgreSQL sorts them ascending. */
function compare(a: Comparable, b: Comparable): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
