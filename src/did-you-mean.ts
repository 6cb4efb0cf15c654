// "Did you mean …?": the closest of the names a user could have meant, for a misspelt option,
// command, config key, track or room. One measure of closeness for all of them.

/** Edit distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Close enough to be a slip of the keyboard rather than another word: within a third of the
 * longer name's length (at least 2 edits), or one name holding the other ("guide" / "guides").
 */
export function isCloseName(typed: string, candidate: string): boolean {
  const reach = Math.max(2, Math.floor(Math.max(typed.length, candidate.length) / 3));
  return (
    editDistance(typed, candidate) <= reach ||
    (typed.length >= 3 && candidate.includes(typed)) ||
    (candidate.length >= 3 && typed.includes(candidate))
  );
}

/** The candidate closest to `typed` (compared ignoring case, "-" and "_"), when it is close; else null. */
export function didYouMean(typed: string, candidates: Iterable<string>): string | null {
  const squash = (name: string) => name.toLowerCase().replace(/[-_]/g, '');
  const key = squash(typed);
  let best: { name: string; distance: number } | null = null;
  for (const name of candidates) {
    const distance = editDistance(key, squash(name));
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && isCloseName(key, squash(best.name)) ? best.name : null;
}
