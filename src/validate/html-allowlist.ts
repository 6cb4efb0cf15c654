// What Guidebook's apps show in a description (shared/guidebook-api.md "HTML in description
// fields"). img is in: the API lists `src` on img among the allowed attributes, and descriptions
// exported from a guide may hold images, which a re-import must not strip.

export const ALLOWED_TAGS: readonly string[] = [
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
];

/** Harmless presentational attributes, accepted on any allowed tag. */
export const PRESENTATIONAL_ATTRIBUTES: readonly string[] = [
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
];

/** Attributes allowed on one tag only. */
export const TAG_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src'],
  div: ['itemscope', 'itemtype'],
  span: ['style'],
};

/** Links: web pages, mail and phone only (no javascript:, data:, relative or protocol-relative). */
export const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:)/i;
export const SAFE_IMG_SRC = /^https?:\/\//i;

/** The one style property allowed (on span): a colour by name, hex, rgb() or hsl(). */
export const SAFE_COLOR = /^(?:#[0-9a-f]{3,8}|[a-z]+|rgba?\(\s*[\d.%\s,/]+\)|hsla?\(\s*[\d.%\s,/deg]+\))$/i;

/** Tags whose content is code, not text: dropped with the tag. */
export const DROPPED_WITH_CONTENT: readonly string[] = [
  'script',
  'style',
  'textarea',
  'option',
  'xmp',
  'noscript',
  'iframe',
  'noembed',
  'noframes',
  'template',
  'title',
];

/** Element names that make a cell "HTML" rather than text with a stray "<" in it. */
export const KNOWN_HTML_TAGS: ReadonlySet<string> = new Set([
  ...ALLOWED_TAGS,
  ...DROPPED_WITH_CONTENT,
  'html',
  'head',
  'body',
  'img',
  'object',
  'embed',
  'font',
  'center',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'main',
  'aside',
  'figure',
  'figcaption',
  'small',
  'big',
  'strike',
  's',
  'mark',
  'abbr',
  'cite',
  'dfn',
  'time',
  'label',
  'input',
  'button',
  'form',
  'select',
  'link',
  'meta',
  'svg',
  'math',
  'video',
  'audio',
  'source',
  'picture',
  'caption',
  'col',
  'colgroup',
  'details',
  'summary',
  'frame',
  'frameset',
  'base',
  'plaintext',
  'marquee',
  'blink',
  'wbr',
  'address',
  'bdi',
  'bdo',
  'data',
  'meter',
  'progress',
  'output',
  'canvas',
  'map',
  'area',
  'track',
  'param',
  'menu',
  'dialog',
  'slot',
  'hgroup',
  'search',
  'nobr',
  'listing',
  'applet',
]);

const ALLOWED_TAG_SET: ReadonlySet<string> = new Set(ALLOWED_TAGS);
const PRESENTATIONAL_SET: ReadonlySet<string> = new Set(PRESENTATIONAL_ATTRIBUTES);

const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const BANG = 0x21;
const QUESTION = 0x3f;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/**
 * True only when every tag of the text is allowed and reads unambiguously, the way a browser's
 * tokenizer (WHATWG HTML "tokenization") reads it: allowed attributes, safe link and style values,
 * no comment, no tag cut off at the end, no odd character in a tag or attribute name. Stricter
 * than a browser, never looser, so text that passes can be kept exactly as written. A linear
 * scan: no regex backtracking on 20,000-character cells.
 */
export function holdsOnlyAllowedMarkup(html: string): boolean {
  let i = html.indexOf('<');
  while (i !== -1) {
    const next = html.charCodeAt(i + 1);
    let end: number;
    if (isAsciiLetter(next)) end = readAllowedStartTag(html, i);
    else if (next === SLASH) end = readEndTag(html, i);
    else if (next === BANG || next === QUESTION)
      return false; // comments, doctypes, bogus comments
    else end = i + 1; // "<" before anything else is text to a browser
    if (end === -1) return false;
    i = html.indexOf('<', end);
  }
  return true;
}

/** Index after the tag's ">", or -1 when the tag is not allowed or not plainly readable. */
function readAllowedStartTag(html: string, start: number): number {
  let j = start + 1;
  while (isNameChar(html.charCodeAt(j))) j++;
  const tag = html.slice(start + 1, j).toLowerCase();
  if (!ALLOWED_TAG_SET.has(tag)) return -1;
  for (;;) {
    const separatorStart = j;
    while (isHtmlSpace(html.charCodeAt(j)) || html.charCodeAt(j) === SLASH) j++;
    if (j >= html.length) return -1;
    if (html.charCodeAt(j) === GT) return j + 1;
    if (j === separatorStart) return -1;

    const nameStart = j;
    while (j < html.length && isAttributeNameChar(html.charCodeAt(j))) j++;
    if (j === nameStart) return -1;
    const name = html.slice(nameStart, j).toLowerCase();

    let k = j;
    while (isHtmlSpace(html.charCodeAt(k))) k++;
    let value = '';
    if (html.charCodeAt(k) === EQUALS) {
      k++;
      while (isHtmlSpace(html.charCodeAt(k))) k++;
      const quote = html.charCodeAt(k);
      if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
        const close = html.indexOf(html[k]!, k + 1);
        if (close === -1) return -1;
        value = html.slice(k + 1, close);
        j = close + 1;
      } else {
        const valueStart = k;
        while (k < html.length && !isHtmlSpace(html.charCodeAt(k)) && html.charCodeAt(k) !== GT) k++;
        if (k === valueStart) return -1;
        value = html.slice(valueStart, k);
        j = k;
      }
    }
    if (!attributeAllowed(tag, name, value.trim())) return -1;
  }
}

/** "</name>" with nothing but spaces after the name; anything else is not plainly readable. */
function readEndTag(html: string, start: number): number {
  let j = start + 2;
  if (!isAsciiLetter(html.charCodeAt(j))) return -1;
  while (isNameChar(html.charCodeAt(j))) j++;
  // The end tag of an element Guidebook does not allow ("</script>") is no more allowed than its start.
  if (!ALLOWED_TAG_SET.has(html.slice(start + 2, j).toLowerCase())) return -1;
  while (isHtmlSpace(html.charCodeAt(j))) j++;
  return html.charCodeAt(j) === GT ? j + 1 : -1;
}

function attributeAllowed(tag: string, name: string, value: string): boolean {
  if (name === 'href') return tag === 'a' && SAFE_HREF.test(value);
  if (name === 'src') return tag === 'img' && SAFE_IMG_SRC.test(value);
  if (name === 'style') return tag === 'span' && isColorOnlyStyle(value);
  return PRESENTATIONAL_SET.has(name) || (TAG_ATTRIBUTES[tag]?.includes(name) ?? false);
}

/** "color: red" or "color:#336699;" and nothing else. */
export function isColorOnlyStyle(style: string): boolean {
  return style
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .every((declaration) => {
      const colon = declaration.indexOf(':');
      return (
        colon !== -1 && declaration.slice(0, colon).trim().toLowerCase() === 'color' && SAFE_COLOR.test(declaration.slice(colon + 1).trim())
      );
    });
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

function isNameChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

/** Letters, digits, "-", "_", ":" and ".": every allowed attribute name, nothing a parser may split. */
function isAttributeNameChar(code: number): boolean {
  return isNameChar(code) || code === 0x5f || code === 0x3a || code === 0x2e;
}

/** HTML's whitespace: tab, LF, FF, CR, space (not the wider set of JavaScript's \s). */
function isHtmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}
