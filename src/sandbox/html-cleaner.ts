// The service stores description HTML as an allowlist cleaner (bleach, on html5lib) writes it
// back, not as it was sent: tag names lower case, attributes double-quoted and filtered, `<br/>`
// as `<br>`, a bare `&` or `>` in text escaped, comments dropped, unclosed elements closed, and
// tags outside the allowlist escaped into visible text. The sandbox does the same, so a client
// that compares bytes meets here the false updates it would meet on the real server.
// Written apart from the importer's own HTML code on purpose: two readings of the same rules.

// shared/guidebook-api.md, "HTML in description fields" (img too: `src` on img is allowed).
const ALLOWED_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'h7',
  'h8',
  'a',
  'p',
  'div',
  'blockquote',
  'pre',
  'span',
  'b',
  'u',
  'i',
  'strong',
  'em',
  'tt',
  'code',
  'ins',
  'del',
  'sup',
  'sub',
  'kbd',
  'samp',
  'q',
  'var',
  'ol',
  'ul',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'br',
  'hr',
  'ruby',
  'rt',
  'rp',
  'img',
]);
const ANY_TAG_ATTRIBUTES = new Set([
  'title',
  'align',
  'valign',
  'colspan',
  'rowspan',
  'width',
  'height',
  'lang',
  'dir',
  'alt',
  'border',
  'cellpadding',
  'cellspacing',
  'summary',
  'abbr',
  'scope',
  'start',
  'reversed',
  'nowrap',
]);
const TAG_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  a: new Set(['href']),
  img: new Set(['src']),
  div: new Set(['itemscope', 'itemtype']),
  span: new Set(['style']),
};
const VOID = new Set(['br', 'hr', 'img', 'area', 'base', 'col', 'embed', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ENDS_PARAGRAPH = new Set([
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
  'hr',
  'ol',
  'p',
  'pre',
  'table',
  'ul',
]);

const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const CHARACTER_REFERENCE = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** The description as the service stores it. */
export function cleanDescriptionHtml(html: string): string {
  let out = '';
  const open: string[] = [];
  const close = (downTo: number) => {
    while (open.length > downTo) out += `</${open.pop()}>`;
  };
  let last = 0;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(html); m !== null; m = MARKUP.exec(html)) {
    out += escapeText(html.slice(last, m.index));
    last = MARKUP.lastIndex;
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue; // a comment: dropped
    if (!ALLOWED_TAGS.has(name)) {
      out += escapeText(m[0]);
      continue;
    }
    if (m[1] === '/') {
      const index = open.lastIndexOf(name);
      if (index !== -1) close(index);
      continue;
    }
    if (ENDS_PARAGRAPH.has(name) && open.includes('p')) close(open.lastIndexOf('p'));
    if (name === 'li' && open.at(-1) === 'li') close(open.length - 1);
    out += `<${name}${allowedAttributes(name, m[3] ?? '')}>`;
    if (!VOID.has(name)) open.push(name);
  }
  out += escapeText(html.slice(last));
  close(0);
  return out;
}

function allowedAttributes(tag: string, source: string): string {
  let out = '';
  const seen = new Set<string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m !== null; m = ATTRIBUTE.exec(source)) {
    const name = m[1]!.toLowerCase();
    if (seen.has(name) || !(ANY_TAG_ATTRIBUTES.has(name) || TAG_ATTRIBUTES[tag]?.has(name))) continue;
    seen.add(name);
    let value = m[2] ?? m[3] ?? m[4] ?? '';
    if (name === 'style') value = colorOnly(value);
    out += ` ${name}="${escapeText(value).replace(/"/g, '&quot;')}"`;
  }
  return out;
}

// bleach's CSS sanitizer keeps the allowed properties and writes each as "name: value;".
function colorOnly(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.split(':').map((part) => part.trim()))
    .filter(([property, value]) => property?.toLowerCase() === 'color' && value)
    .map(([, value]) => `color: ${value};`)
    .join(' ');
}

/** `<` and `>` escaped, `&` escaped unless it starts a character reference (kept as written). */
function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '&' && !CHARACTER_REFERENCE.test(text.slice(i, i + 40))) out += '&amp;';
    else out += char;
  }
  return out;
}
