// The API key must never reach output, logs, errors or reports. Everything user-facing that could
// echo a value (error messages, server answers, report rows) passes through redactSecrets as a
// last line of defence, before it is reformatted (cut to one line, shortened, escaped): a message
// is matched in whatever form the key took on its way here — wrapped across lines, JSON-escaped,
// URL-encoded, HTML-escaped, doubled quotes of a CSV cell — so no reformatting lets a piece of it
// through. Passwords in URLs (`https://user:secret@host/`) are hidden the same way.
const secrets = new Map<string, RegExp>();

/** Registers a secret (the API key) so that every later redactSecrets call hides it. */
export function registerSecret(secret: string | undefined | null): void {
  if (!secret || secret.length < 4 || secrets.has(secret)) return;
  secrets.set(secret, secretPattern(secret));
}

export function redactSecrets(text: string): string {
  // Nearly every text (each line of a 100k-row report) holds no URL: the cheap look for "://"
  // spares it the pattern, which can only match where one is.
  let out = text.includes('://') ? text.replace(URL_USERINFO, '$1***@') : text;
  for (const pattern of secrets.values()) out = out.replace(pattern, '***');
  return out;
}

/**
 * `scheme://user:password@` before the host, valid or not (a password with a space is not a valid
 * URL, and must not be echoed either). A user name alone (`ftp://anonymous@host`) is no secret.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s:"'<>]*:[^/?#@"'<>\r\n]*@/gi;

// Between two characters of the key a message may hold a line break with its indent (a wrapped
// line) or the escape of one (`\n` inside a JSON string). Escapes may be escaped again (a server's
// JSON message inside our JSON report: `\\n`), so any run of backslashes counts as one.
const GAP = String.raw`(?:\s|\\+[nrt])*`;

// A key cut short by a message shortened before it reached us ("…SECRET-KE…") still shows most of
// it: a run of at least this many of its first characters followed by an ellipsis is hidden too.
const CUT_PREFIX = 6;

function secretPattern(secret: string): RegExp {
  const chars = [...secret].map((char) => `(?:${charForms(char).join('|')})`);
  const whole = chars.join(GAP);
  if (chars.length <= CUT_PREFIX) return new RegExp(whole, 'g');
  // The first CUT_PREFIX characters, then each further one optional in turn, then the ellipsis.
  let rest = '';
  for (let i = chars.length - 2; i >= CUT_PREFIX; i--) rest = `(?:${GAP}${chars[i]}${rest})?`;
  // The ellipsis is "…" or three dots, each escaped: an unescaped "..." matched ANY three
  // characters, so "interr" + "upted:" was hidden for a key starting "interrupt-".
  const cut = `${chars.slice(0, CUT_PREFIX).join(GAP)}${rest}\\s*(?:…|\\.\\.\\.)`;
  return new RegExp(`${whole}|${cut}`, 'g');
}

/** Every spelling of one character of the key that an encoder on the way out could produce. */
function charForms(char: string): string[] {
  const code = char.codePointAt(0)!;
  const forms = new Set<string>([escapeRegex(char)]);
  // URL encoding (either hex case), one %XX per UTF-8 byte.
  const bytes = [...Buffer.from(char, 'utf8')].map((byte) => `%${hexCaseless(byte.toString(16).padStart(2, '0'))}`);
  forms.add(bytes.join(''));
  // JSON and JavaScript string escapes.
  if (code <= 0xffff) forms.add(String.raw`\\+u${hexCaseless(code.toString(16).padStart(4, '0'))}`);
  if (char === '"' || char === '\\' || char === '/') forms.add(String.raw`\\+${escapeRegex(char)}`);
  // HTML: numeric references and the named ones an escaper uses.
  // Escaped again by our own HTML report, `&#45;` becomes `&amp;#45;`: any run of `amp;` counts.
  forms.add(`&(?:amp;)*#0*${code};`);
  forms.add(`&(?:amp;)*#[xX]0*${hexCaseless(code.toString(16))};`);
  const named: Record<string, string> = { '&': 'amp;', '<': 'lt;', '>': 'gt;', '"': 'quot;', "'": '(?:apos|#39|#x27);' };
  if (named[char]) forms.add(`&(?:amp;)*${named[char]}`);
  // A quote inside a CSV cell is doubled; a space in a form body is a plus.
  if (char === '"') forms.add('""');
  if (char === ' ') forms.add(String.raw`\+`);
  return [...forms];
}

function hexCaseless(hex: string): string {
  return [...hex].map((digit) => (/[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit)).join('');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
