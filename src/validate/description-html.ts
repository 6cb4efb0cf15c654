import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';
import {
  holdsOnlyAllowedMarkup,
  isColorOnlyStyle,
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  KNOWN_HTML_TAGS,
  PRESENTATIONAL_ATTRIBUTES,
  SAFE_COLOR,
  SAFE_HREF,
  SAFE_IMG_SRC,
  TAG_ATTRIBUTES,
} from './html-allowlist.js';

export interface DescriptionHtml {
  html: string;
  /** What sanitising removed, e.g. ["<script>", "onclick on <p>"]; empty when nothing was. */
  removed: string[];
}

const ALLOWED_TAG_SET: ReadonlySet<string> = new Set(ALLOWED_TAGS);

let sanitizer: typeof sanitizeHtml | undefined;

/**
 * sanitize-html, required on the first description that needs it: it and its parsers cost about a
 * tenth of a second of CPU to load, which a run whose descriptions are plain text (or absent) never
 * needs to pay (issue 11, start-up). A CommonJS package, so it can be required synchronously here.
 */
function sanitize(html: string, options: sanitizeHtml.IOptions): string {
  sanitizer ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml;
  return sanitizer(html, options);
}
const TAG_PATTERN = /<\/?([a-zA-Z][a-zA-Z0-9]*)(?:[\s/][^<>]*)?>/g;

/**
 * A description cell as Guidebook HTML. Text that holds a real HTML tag is treated as HTML and
 * sanitised; other text becomes paragraphs. HTML that is already clean comes back byte for byte,
 * so an exported description re-imports unchanged, and the conversion is idempotent.
 */
export function descriptionToHtml(text: string): DescriptionHtml {
  return looksLikeHtml(text) ? sanitiseDescriptionHtml(text) : { html: plainTextToHtml(text), removed: [] };
}

/** True when the text holds a tag of a known HTML element (not "<3" or "a < b > c"). */
export function looksLikeHtml(text: string): boolean {
  if (!text.includes('<')) return false;
  TAG_PATTERN.lastIndex = 0;
  for (let m = TAG_PATTERN.exec(text); m !== null; m = TAG_PATTERN.exec(text)) {
    if (KNOWN_HTML_TAGS.has(m[1]!.toLowerCase())) return true;
  }
  return false;
}

/**
 * Whether `text` is plain text (not HTML) whose HTML is certainly no longer than `limit`, without
 * converting it. plainTextToHtml writes at most 5 characters for each it reads (`&` → `&amp;`; a
 * line break with its blanks → `<br>`), and `<p></p>` for the first paragraph and for each blank
 * line that starts another (itself at least 2 characters long, written as nothing else): so at most
 * 5 × length + 7.
 */
export function plainTextFitsAsHtml(text: string, limit: number): boolean {
  return text.length * 5 + 7 <= limit && !looksLikeHtml(text);
}

/** Blank lines separate paragraphs, single line breaks become <br>; <, > and & are escaped. */
export function plainTextToHtml(text: string): string {
  // One line (most cells): one paragraph, no splitting.
  if (!LINE_BREAK.test(text)) {
    const line = text.trim();
    return line === '' ? '' : `<p>${escapeText(line)}</p>`;
  }
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (trimmed === '') return '';
  return trimmed
    .split(/\n[ \t]*\n\s*/)
    .map(
      (paragraph) =>
        `<p>${paragraph
          .trim()
          .split(/[ \t]*\n[ \t]*/)
          .map(escapeText)
          .join('<br>')}</p>`,
    )
    .join('');
}

const LINE_BREAK = /[\r\n]/;
const NEEDS_ESCAPING = /[&<>]/;

function escapeText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Keeps only Guidebook's allowed tags and attributes. HTML that holds nothing else is returned
 * byte for byte. Otherwise sanitize-html prunes it; every tag first goes through `record`, which
 * notes what it was given and returns a copy for sanitize-html to prune, and comparing the two
 * names what was removed.
 */
export function sanitiseDescriptionHtml(html: string): DescriptionHtml {
  // Clean HTML (the usual case: a description exported from a guide) is kept as written.
  if (holdsOnlyAllowedMarkup(html)) return { html, removed: [] };

  const removed = new Set<string>();
  const seen: Array<{ tag: string; given: Record<string, string>; kept: Record<string, string> }> = [];
  const record = (tag: string, given: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
    const kept = { ...given };
    if (ALLOWED_TAG_SET.has(tag)) preFilterAttributes(tag, kept, removed);
    seen.push({ tag, given, kept });
    return { tagName: tag, attribs: kept };
  };
  const sanitised = sanitize(html, { ...SANITIZE_OPTIONS, transformTags: { '*': record } });

  for (const { tag, given, kept } of seen) {
    if (!ALLOWED_TAG_SET.has(tag)) {
      removed.add(`<${tag}>`);
      continue;
    }
    for (const name of Object.keys(given)) if (!(name in kept)) removed.add(`${name} on <${tag}>`);
  }
  // Comments, doctypes, processing instructions and bogus end tags ("</<b ...>", which browsers
  // read as a comment) never reach the tag callback.
  if (/<[!?]|<\/(?![a-zA-Z])/.test(html)) removed.add('<!…> comments or declarations');
  // Markup a browser might read otherwise than the parser did (a tag cut off at the end, an
  // unclosed quote) is not kept as written either.
  if (removed.size === 0) removed.add('markup that could not be read');
  return { html: stable(sanitised), removed: [...removed] };
}

/**
 * Sanitised HTML that sanitising again would still change (the parser closes a <p> before an
 * <h1> and opens a new one for the stray </p>) is run again, so the result is a fixed point and
 * a second conversion returns it unchanged.
 */
function stable(sanitised: string): string {
  let html = keepAsHtml(sanitised);
  for (let pass = 0; pass < 4; pass++) {
    const again = keepAsHtml(sanitize(html, SANITIZE_OPTIONS));
    if (again === html) break;
    html = again;
  }
  return html;
}

/**
 * Sanitising can leave no tag at all ("<font>Q&amp;A</font>" → "Q&amp;A"). Read again, that
 * would pass for plain text and be escaped twice; a paragraph keeps it HTML, so a second
 * conversion changes nothing.
 */
function keepAsHtml(sanitised: string): string {
  if (looksLikeHtml(sanitised)) return sanitised;
  const text = sanitised.trim();
  return text === '' ? '' : `<p>${text}</p>`;
}

/** The checks sanitize-html has no switch for: exact link schemes and color-only styles. */
function preFilterAttributes(tag: string, attribs: Record<string, string>, removed: Set<string>): void {
  if (attribs.href !== undefined && !(tag === 'a' && SAFE_HREF.test(attribs.href.trim()))) delete attribs.href;
  if (attribs.src !== undefined && !(tag === 'img' && SAFE_IMG_SRC.test(attribs.src.trim()))) delete attribs.src;
  if (attribs.style !== undefined && tag === 'span') {
    const colorOnly = colorDeclarations(attribs.style);
    if (colorOnly !== attribs.style) {
      removed.add('style other than color on <span>');
      if (colorOnly === '') delete attribs.style;
      else attribs.style = colorOnly;
    }
  }
}

/** The style text itself when it holds only safe color declarations, else just those. */
function colorDeclarations(style: string): string {
  if (isColorOnlyStyle(style)) return style;
  return style
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && isColorOnlyStyle(d))
    .join('; ');
}

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: {
    '*': [...PRESENTATIONAL_ATTRIBUTES],
    ...Object.fromEntries(Object.entries(TAG_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedStyles: { span: { color: [SAFE_COLOR] } },
  disallowedTagsMode: 'discard',
  nonTextTags: [...DROPPED_WITH_CONTENT],
};
