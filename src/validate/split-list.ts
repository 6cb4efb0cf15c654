/**
 * Track and location names in one cell. A cell holding ";" splits on ";" only, so a name with a
 * comma survives ("Hall A, Level 2; Hall B"); otherwise "," splits. Line breaks always split (a
 * name never spans lines). Parts are trimmed, empty ones dropped, and repeats dropped ignoring
 * case, keeping the first spelling and the order.
 */
export function splitList(text: string, separator?: string): string[] {
  // One name (most cells): nothing to split or to compare.
  if (!holdsSeparator(text, separator)) {
    const name = text.trim();
    return name === '' ? [] : [name];
  }
  const pieces = separator
    ? text.split(/\r?\n|\r/).flatMap((line) => line.split(separator))
    : text.split(text.includes(';') ? /[;\r\n]/ : /[,\r\n]/);
  const seen = new Set<string>();
  const names: string[] = [];
  for (const piece of pieces) {
    const name = piece.trim();
    if (name === '') continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

function holdsSeparator(text: string, separator: string | undefined): boolean {
  if (text.includes('\n') || text.includes('\r')) return true;
  return separator ? text.includes(separator) : text.includes(',') || text.includes(';');
}
