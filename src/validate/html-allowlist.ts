// What Guidebook's apps show in a description (shared/guidebook-api.md "HTML in description
// fields"). img is in: the API lists `src` on img among the allowed attributes, and descriptions
// exported from a guide may hold images, which a re-import must not strip.

export const ALLOWED_TAGS: readonly string[] = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8',
  'a', 'p', 'div', 'blockquote', 'pre', 'span', 'b', 'u', 'i', 'strong', 'em', 'tt', 'code', 'ins', 'del',
  'sup', 'sub', 'kbd', 'samp', 'q', 'var', 'ol', 'ul', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'br', 'hr', 'ruby', 'rt', 'rp', 'img',
];

/** Harmless presentational attributes, accepted on any allowed tag. */
export const PRESENTATIONAL_ATTRIBUTES: readonly string[] = [
  'title', 'align', 'valign', 'colspan', 'rowspan', 'width', 'height', 'lang', 'dir', 'alt', 'border',
  'cellpadding', 'cellspacing', 'summary', 'abbr', 'scope', 'start', 'reversed', 'nowrap',
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
  'script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'template', 'title',
];

/** Element names that make a cell "HTML" rather than text with a stray "<" in it. */
export const KNOWN_HTML_TAGS: ReadonlySet<string> = new Set([
  ...ALLOWED_TAGS,
  ...DROPPED_WITH_CONTENT,
  'html', 'head', 'body', 'img', 'object', 'embed', 'font', 'center', 'section', 'article', 'header', 'footer',
  'nav', 'main', 'aside', 'figure', 'figcaption', 'small', 'big', 'strike', 's', 'mark', 'abbr', 'cite', 'dfn',
  'time', 'label', 'input', 'button', 'form', 'select', 'link', 'meta', 'svg', 'math', 'video', 'audio', 'source',
  'picture', 'caption', 'col', 'colgroup', 'details', 'summary', 'frame', 'frameset', 'base', 'plaintext',
  'marquee', 'blink', 'wbr', 'address', 'bdi', 'bdo', 'data', 'meter', 'progress', 'output', 'canvas', 'map',
  'area', 'track', 'param', 'menu', 'dialog', 'slot', 'hgroup', 'search', 'nobr', 'listing', 'applet',
]);
