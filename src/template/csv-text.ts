// CSV text as spreadsheet programs write it: RFC 4180 quoting, CRLF line ends.

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
