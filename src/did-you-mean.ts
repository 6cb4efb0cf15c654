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

/**
 * The name of `existing` that `name` is one slip away from, or null: stricter than didYouMean,
 * for a name about to be created (--create-missing creates what the guide lacks, so only a likely
 * typo is worth a word). A slip: the same words but one, that word alphabetic in both, with one
 * letter more or less ("Keynotes" beside "Keynote", "Main Hal" beside "Main Hall"), or, in words
 * of 6 letters or more, within 2 edits ("Enginering"). Names told apart by a number, a single letter or one
 * changed letter of a short word ("Room 204" beside "Room 201", "Track B" beside "Track A",
 * "West Wing" beside "East Wing") are different rooms and tracks, not slips.
 */
export function slipOf(name: string, existing: readonly string[]): string | null {
  const words = (text: string) => text.normalize('NFKC').toLowerCase().trim().split(/\s+/);
  const typed = words(name);
  let best: { name: string; distance: number } | null = null;
  for (const candidate of existing) {
    const theirs = words(candidate);
    if (theirs.length !== typed.length) continue;
    const differing = typed.flatMap((word, i) => (word === theirs[i] ? [] : [i]));
    if (differing.length !== 1) continue;
    const [a, b] = [typed[differing[0]!]!, theirs[differing[0]!]!];
    if (Math.min(a.length, b.length) < 3 || !/^\p{L}+$/u.test(a) || !/^\p{L}+$/u.test(b)) continue;
    const distance = editDistance(a, b);
    const slip = (distance === 1 && a.length !== b.length) || (Math.min(a.length, b.length) >= 6 && distance <= 2);
    if (slip && (best === null || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name ?? null;
}
