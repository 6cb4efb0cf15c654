const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SNIFF_RECORDS = 30;

/**
 * Picks the delimiter from the first records of a text: the candidate that appears (outside
 * quotes) the same number of times in the most records, then the one with more columns. A title
 * line above the header or a comma inside a quoted cell does not sway it. `preferred` wins ties
 * (a tab for a .tsv file) and is the answer when no candidate appears at all.
 */
export function sniffDelimiter(sample: string, preferred: Delimiter = ','): Delimiter {
  const counts = countPerRecord(sample);
  let best: Delimiter = preferred;
  let bestRecords = 0;
  let bestColumns = 0;
  for (const delimiter of [preferred, ...DELIMITERS.filter((d) => d !== preferred)]) {
    const { records, columns } = modalCount(counts.map((perRecord) => perRecord[delimiter]));
    if (records > bestRecords || (records === bestRecords && columns > bestColumns)) {
      best = delimiter;
      bestRecords = records;
      bestColumns = columns;
    }
  }
  return best;
}

type Counts = Record<Delimiter, number>;

function countPerRecord(sample: string): Counts[] {
  const records: Counts[] = [];
  let current = emptyCounts();
  let inQuotes = false;
  let any = false;
  for (let i = 0; i < sample.length && records.length < SNIFF_RECORDS; i++) {
    const ch = sample[i];
    if (ch === '"') {
      inQuotes = !inQuotes; // a doubled quote toggles twice: still inside
      any = true;
    } else if (inQuotes) {
    } else if (ch === '\n' || ch === '\r') {
      if (any) records.push(current);
      current = emptyCounts();
      any = false;
    } else {
      if (ch === ',' || ch === ';' || ch === '\t' || ch === '|') current[ch]++;
      any = true;
    }
  }
  // The last record may be cut short by the sample's end; one odd count does not move the mode.
  if (any && records.length < SNIFF_RECORDS) records.push(current);
  return records;
}

function emptyCounts(): Counts {
  return { ',': 0, ';': 0, '\t': 0, '|': 0 };
}

/** How many records share the most common non-zero count, and that count. */
function modalCount(perRecord: number[]): { records: number; columns: number } {
  const frequency = new Map<number, number>();
  for (const count of perRecord) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let records = 0;
  let columns = 0;
  for (const [count, times] of frequency) {
    if (times > records || (times === records && count > columns)) {
      records = times;
      columns = count;
    }
  }
  return { records, columns };
}
