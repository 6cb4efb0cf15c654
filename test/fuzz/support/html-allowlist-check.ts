// Two independent readings of sanitised HTML, each listing every tag, attribute or construct
// outside Guidebook's allowlist: htmlparser2 (the parser sanitize-html itself uses) and a small
// tokenizer that follows the HTML spec's tag-open rules, as a browser would see the markup.
import { Parser } from 'htmlparser2';
import {
  ALLOWED_TAGS,
  PRESENTATIONAL_ATTRIBUTES,
  SAFE_COLOR,
  SAFE_HREF,
  SAFE_IMG_SRC,
  TAG_ATTRIBUTES,
} from '../../../src/validate/html-allowlist.js';

const ALLOWED = new Set(ALLOWED_TAGS);
const ANY_TAG = new Set(PRESENTATIONAL_ATTRIBUTES);

function attributeProblem(tag: string, name: string, value: string): string | null {
  const allowed = ANY_TAG.has(name) || (TAG_ATTRIBUTES[tag] ?? []).includes(name);
  if (!allowed) return `attribute ${name} on <${tag}>`;
  // A URL parser drops tabs and line breaks anywhere and spaces around: "java\tscript:" is a script link.
  const url = value.replace(/[\t\n\r]/g, '').trim();
  if (name === 'href' && !SAFE_HREF.test(url)) return `href ${JSON.stringify(value)} on <${tag}>`;
  if (name === 'src' && !SAFE_IMG_SRC.test(url)) return `src ${JSON.stringify(value)} on <${tag}>`;
  if (name === 'style') {
    for (const declaration of value
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)) {
      const colon = declaration.indexOf(':');
      const property = declaration.slice(0, colon).trim().toLowerCase();
      if (colon === -1 || property !== 'color' || !SAFE_COLOR.test(declaration.slice(colon + 1).trim())) {
        return `style ${JSON.stringify(value)} on <${tag}>`;
      }
    }
  }
  return null;
}

function tagProblems(tag: string, attributes: ReadonlyArray<[string, string]>): string[] {
  if (!ALLOWED.has(tag)) return [`<${tag}>`];
  return attributes.map(([name, value]) => attributeProblem(tag, name, value)).filter((p): p is string => p !== null);
}

/** What htmlparser2 finds outside the allowlist (entities in attribute values decoded). */
export function problemsByHtmlparser2(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attribs) => problems.push(...tagProblems(name, Object.entries(attribs))),
      oncomment: (data) => problems.push(`comment ${JSON.stringify(data)}`),
      onprocessinginstruction: (name) => problems.push(`declaration ${JSON.stringify(name)}`),
      oncdatastart: () => problems.push('CDATA'),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * The spec's tokenizer, reduced to what matters here: "<" then a letter opens a tag, "</" then a
 * letter an end tag, "<!" and "<?" a comment or declaration; tag and attribute names end at
 * whitespace, "/", ">" (or "=" for attributes); values are quoted or run to whitespace or ">".
 */
export function problemsByTokenizer(html: string): string[] {
  const problems: string[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    const next = html[i + 1] ?? '';
    if (next === '!' || next === '?') {
      problems.push(`markup declaration at ${i}: ${JSON.stringify(html.slice(i, i + 20))}`);
      i++;
      continue;
    }
    const isEnd = next === '/';
    let j = i + (isEnd ? 2 : 1);
    if (!/[a-zA-Z]/.test(html[j] ?? '')) {
      i++;
      continue;
    }
    const nameStart = j;
    while (j < html.length && !/[\s/>]/.test(html[j]!)) j++;
    const tag = html.slice(nameStart, j).toLowerCase();
    const attributes: Array<[string, string]> = [];
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j]!)) j++;
      if (j >= html.length || html[j] === '>') break;
      const attrStart = j;
      j++; // the spec lets an attribute name start with "="
      while (j < html.length && !/[\s/>=]/.test(html[j]!)) j++;
      const name = html.slice(attrStart, j).toLowerCase();
      let value = '';
      while (j < html.length && /\s/.test(html[j]!)) j++;
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j]!)) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end === -1 ? html.length : end);
          j = end === -1 ? html.length : end + 1;
        } else {
          const valueStart = j;
          while (j < html.length && !/[\s>]/.test(html[j]!)) j++;
          value = html.slice(valueStart, j);
        }
      }
      attributes.push([name, decodeEntities(value)]);
    }
    if (!isEnd) problems.push(...tagProblems(tag, attributes));
    else if (!ALLOWED.has(tag)) problems.push(`</${tag}>`);
    i = j;
  }
  return problems;
}
