// Description HTML in one canonical spelling, so the planner compares what a reader would see and
// not how the bytes were written. The service runs every description through an allowlist cleaner
// (bleach-style) that re-serialises it: `Q&A` comes back `Q&amp;A`, `<br/>` as `<br>`, `<P>` as
// `<p>`, single-quoted attributes double-quoted, an unclosed `<p>` closed. Comparing bytes would
// update every such session on every re-sync. Both sides go through canonicalHtml first.

const VOID_TAGS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

// Whitespace next to these is layout, not text: a browser shows nothing for it.
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'h7',
  'h8',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

// Opening one of these ends an open <p>, as every HTML parser (and so the cleaner) does.
const CLOSES_PARAGRAPH: ReadonlySet<string> = new Set([
  'address',
  'blockquote',
  'div',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'h7',
  'h8',
  'hr',
  'ol',
  'p',
  'pre',
  'table',
  'ul',
]);

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'start'; name: string; attributes: Array<[string, string]> }
  | { kind: 'end'; name: string };

const TAG =
  /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>/g;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * The canonical form of description HTML: entities decoded and re-escaped one way, tag and
 * attribute names lower case, attributes sorted and double-quoted (style declarations spaced one
 * way), void tags without a slash or
 * end tag, unclosed elements closed, comments dropped, whitespace runs as one space (none at all
 * next to block tags, outside <pre>). Null, undefined and blank are all "".
 */
export function canonicalHtml(value: unknown): string {
  if (typeof value !== 'string') return '';
  const tokens = balance(tokenize(value));
  let out = '';
  let inPre = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'start') {
      if (token.name === 'pre') inPre++;
      out += `<${token.name}${token.attributes.map(([name, text]) => ` ${name}="${escapeAttribute(text)}"`).join('')}>`;
      continue;
    }
    if (token.kind === 'end') {
      if (token.name === 'pre') inPre = Math.max(0, inPre - 1);
      out += `</${token.name}>`;
      continue;
    }
    let text = token.text;
    if (inPre === 0) {
      text = text.replace(/[ \t\n\r\f]+/g, ' ');
      if (atBlockEdge(tokens[i - 1])) text = text.replace(/^ /, '');
      if (atBlockEdge(tokens[i + 1])) text = text.replace(/ $/, '');
    }
    out += escapeText(text);
  }
  return out;
}

/** Equal descriptions by meaning (see canonicalHtml). */
export function sameHtml(left: unknown, right: unknown): boolean {
  return left === right || canonicalHtml(left) === canonicalHtml(right);
}

function atBlockEdge(token: Token | undefined): boolean {
  return token === undefined || (token.kind !== 'text' && BLOCK_TAGS.has(token.name));
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    if (m.index > last) pushText(tokens, html.slice(last, m.index));
    last = TAG.lastIndex;
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue; // a comment, doctype or processing instruction
    if (m[1] === '/') tokens.push({ kind: 'end', name });
    else tokens.push({ kind: 'start', name, attributes: readAttributes(m[3] ?? '') });
  }
  if (last < html.length) pushText(tokens, html.slice(last));
  return tokens;
}

function pushText(tokens: Token[], raw: string): void {
  const text = decodeHtmlEntities(raw);
  const previous = tokens.at(-1);
  if (previous?.kind === 'text') previous.text += text;
  else tokens.push({ kind: 'text', text });
}

function readAttributes(source: string): Array<[string, string]> {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m !== null; m = ATTRIBUTE.exec(source)) {
    const name = m[1]!.toLowerCase();
    // The first of a repeated attribute wins, as in a browser.
    if (attributes.has(name)) continue;
    const value = decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
    attributes.set(name, name === 'style' ? canonicalStyle(value) : value);
  }
  return [...attributes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

// A CSS cleaner writes "color:red" back as "color: red;": declarations are compared, not bytes.
function canonicalStyle(style: string): string {
  return style
    .split(';')
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      if (colon === -1) return declaration.trim();
      return `${declaration.slice(0, colon).trim().toLowerCase()}: ${declaration.slice(colon + 1).trim()}`;
    })
    .filter((declaration) => declaration !== '')
    .join('; ');
}

/**
 * Start and end tags paired the way a parser pairs them: void tags never open anything, a block
 * closes an open <p>, a new <li>/<dt>/<dd> closes the previous one, a <tr> directly in a <table>
 * gets its <tbody>, a stray end tag is dropped, and whatever is still open at the end is closed.
 */
function balance(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const open: string[] = [];
  const closeUpTo = (index: number) => {
    while (open.length > index) out.push({ kind: 'end', name: open.pop()! });
  };
  for (const token of tokens) {
    if (token.kind === 'text') {
      out.push(token);
      continue;
    }
    if (token.kind === 'start') {
      if (CLOSES_PARAGRAPH.has(token.name)) {
        const p = open.lastIndexOf('p');
        if (p !== -1) closeUpTo(p);
      }
      if (token.name === 'li' || token.name === 'dt' || token.name === 'dd') {
        const item = Math.max(open.lastIndexOf('li'), open.lastIndexOf('dt'), open.lastIndexOf('dd'));
        const list = Math.max(open.lastIndexOf('ul'), open.lastIndexOf('ol'), open.lastIndexOf('dl'));
        if (item > list) closeUpTo(item);
      }
      // An HTML parser puts a row written straight inside a table into a <tbody> of its own.
      if (token.name === 'tr' && open.at(-1) === 'table') {
        out.push({ kind: 'start', name: 'tbody', attributes: [] });
        open.push('tbody');
      }
      out.push(token);
      if (!VOID_TAGS.has(token.name)) open.push(token.name);
      continue;
    }
    if (VOID_TAGS.has(token.name)) continue; // "</br>": nothing to close
    const index = open.lastIndexOf(token.name);
    if (index !== -1) closeUpTo(index);
  }
  closeUpTo(0);
  return out;
}

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\u00a0/g, '&nbsp;');
}

// Character references as an HTML cleaner may write them: numeric ones, the markup five, the
// Latin-1 names (the ones a cleaner or an editor actually emits) and common typography. A name not
// known here stays as written, on both sides of a comparison alike, so it can only make two
// spellings look different, never make two different texts look the same.

const LATIN_1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc ' +
  'euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml'
).split(' ');

const NAMED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ...LATIN_1_NAMES.map((name, i): [string, string] => [name, String.fromCodePoint(160 + i)]),
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['sbquo', '\u201a'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['bdquo', '\u201e'],
  ['hellip', '\u2026'],
  ['bull', '\u2022'],
  ['euro', '\u20ac'],
  ['trade', '\u2122'],
  ['dagger', '\u2020'],
  ['Dagger', '\u2021'],
  ['permil', '\u2030'],
  ['lsaquo', '\u2039'],
  ['rsaquo', '\u203a'],
  ['ensp', '\u2002'],
  ['emsp', '\u2003'],
  ['thinsp', '\u2009'],
  ['zwnj', '\u200c'],
  ['zwj', '\u200d'],
  ['lrm', '\u200e'],
  ['rlm', '\u200f'],
  ['OElig', '\u0152'],
  ['oelig', '\u0153'],
  ['Scaron', '\u0160'],
  ['scaron', '\u0161'],
  ['Yuml', '\u0178'],
  ['larr', '\u2190'],
  ['rarr', '\u2192'],
  ['uarr', '\u2191'],
  ['darr', '\u2193'],
  ['harr', '\u2194'],
  ['minus', '\u2212'],
]);

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** The text with the character references it holds replaced by the characters they name. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED.get(name) ?? whole;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    // As browsers read them: NUL, surrogates and numbers past Unicode become U+FFFD.
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}
