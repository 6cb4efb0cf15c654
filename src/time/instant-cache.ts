import type { InstantCache, LocalInstant } from './local-instant.js';
import { createMemo, disabledMemo, type Memo } from './memo.js';

export function createInstantCache(): InstantCache {
  const days = new Map<string, Memo<number, number | null>>();
  const instants = new Map<string, Memo<number, LocalInstant>>();
  return {
    enabled: true,
    dayOffsets: (zoneName) => memoFor(days, zoneName),
    instants: (zoneName) => memoFor(instants, zoneName),
    isoTexts: createMemo(),
  };
}

function memoFor<V>(byZone: Map<string, Memo<number, V>>, zoneName: string): Memo<number, V> {
  let memo = byZone.get(zoneName);
  if (!memo) {
    memo = createMemo();
    byZone.set(zoneName, memo);
  }
  return memo;
}

export function disabledInstantCache(): InstantCache {
  return { enabled: false, dayOffsets: () => disabledMemo(), instants: () => disabledMemo(), isoTexts: disabledMemo() };
}
