// Description HTML in one canonical spelling, so the planner compares what a reader would see and
// not how the bytes were written. The service runs every description through an allowlist cleaner
// (bleach-style) that re-serialises it: `Q&A` comes back `Q&amp;A`, `<br/>` as `<br>`, `<P>` as
// `<p>`, single-quoted attributes double-quoted, an unclosed `<p>` closed. Comparing bytes would
// update every such session on every re-sync. Both sides go through canonicalHtml first.
import { decodeHtmlEntities } from './html-entities.js';

const VOID_TAGS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);

// Whitespace next to these is layout, not text: a browser shows nothing for it.
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figure', 'footer', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'h7', 'h8', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]);

// Opening one of these ends an open <p>, as every HTML parser (and so the cleaner) does.
const CLOSES_PARAGRAPH: ReadonlySet<string> = new Set([
  'address', 'blockquote', 'div', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'hr', 'ol', 'p', 'pre',
  'table', 'ul',
]);

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'start'; name: string; attributes: Array<[string, string]> }
  | { kind: 'end'; name: string };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>/g;
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
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');
}
