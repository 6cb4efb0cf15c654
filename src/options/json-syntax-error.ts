// Why a JSON file (mapping, config) did not parse, told without quoting it. V8's own message quotes
// the text around the error, and a file that fails to parse may be one a key or password was pasted
// into: only a fixed description and the line and column leave here, never the file's text.
export function jsonSyntaxReason(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/Unexpected end of JSON input/.test(message)) return text.trim() === '' ? 'the file is empty' : 'the file ends before the JSON does';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return 'a syntax error (the text is not shown)';
  if (Number(position) >= text.trimEnd().length) return 'the file ends before the JSON does';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `a syntax error at line ${line}, column ${column}`;
}
