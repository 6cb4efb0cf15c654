import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { descriptionToHtml, looksLikeHtml, plainTextFitsAsHtml, plainTextToHtml } from '../../src/validate/description-html.js';
import { ALLOWED_TAGS, PRESENTATIONAL_ATTRIBUTES, TAG_ATTRIBUTES } from '../../src/validate/html-allowlist.js';

describe('plain text descriptions', () => {
  it('become paragraphs: blank line → new <p>, single newline → <br>, <>& escaped', () => {
    expect(plainTextToHtml('Hello & welcome\nto <the> show\r\n\r\n\r\nSecond "part"')).toBe(
      '<p>Hello &amp; welcome<br>to &lt;the&gt; show</p><p>Second "part"</p>',
    );
    expect(plainTextToHtml('  \n ')).toBe('');
  });

  it('are told from HTML by a real tag, not by a stray <', () => {
    expect(looksLikeHtml('I <3 this, and 2 < 3 > 1')).toBe(false);
    expect(looksLikeHtml('Press <Enter> to go on')).toBe(false);
    expect(looksLikeHtml('Line one<br/>line two')).toBe(true);
    expect(looksLikeHtml('<P class="x">Hi</P>')).toBe(true);
    expect(descriptionToHtml('I <3 you').html).toBe('<p>I &lt;3 you</p>');
  });
});

describe('plainTextFitsAsHtml (validate with a CSV report skips converting what cannot be too long)', () => {
  // The characters that make the HTML longer than the text (escapes, line breaks, blank lines
  // starting paragraphs) and those trim() and the paragraph rules remove.
  const tricky = fc.constantFrom('&', '<', '>', 'a', ' ', '\t', '\n', '\r', '\r\n', '\n\n', '\u00a0', '\u2028', '\v', '\f', '\ufeff', 'é');
  const texts = fc.array(tricky, { maxLength: 60 }).map((parts) => parts.join(''));

  it('never says a text fits whose HTML is longer than the limit', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 400 }), (text, limit) => {
        if (plainTextFitsAsHtml(text, limit)) expect(plainTextToHtml(text).length).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 5_000 },
    );
  });

  it('is the tight bound 5 × length + 7 (all ampersands), and never says so of HTML', () => {
    const text = '&'.repeat(3_998);
    expect(plainTextToHtml(text).length).toBe(20_000 - 3);
    expect(plainTextFitsAsHtml(text, 20_000)).toBe(true);
    expect(plainTextFitsAsHtml(`${text}&`, 20_000)).toBe(false);
    expect(plainTextFitsAsHtml('<b>bold</b>', 20_000)).toBe(false);
  });
});

describe('HTML descriptions', () => {
  it('come back byte-identical when already clean', () => {
    const clean = [
      '<p>Hi<br>there</p>',
      '<p>A &amp; B<br />C</p>\n<ul><li><b>one</b></li></ul>',
      '<a href="https://example.com/x?a=1&amp;b=2" title="go">link</a> <a href="mailto:a@b.c">mail</a> <a href="tel:+15550100">call</a>',
      '<span style="color: #336699;">blue</span><div itemscope itemtype="https://schema.org/Event">x</div>',
      "<table border='1'><tr><td colspan=2 align=center>cell</td></tr></table>",
      '<p>unclosed <i>italic',
    ];
    for (const html of clean) expect(descriptionToHtml(html), html).toEqual({ html, removed: [] });
  });

  it('lose what Guidebook does not allow, and say what', () => {
    expect(descriptionToHtml('<p onclick="steal()">Hi</p><script>alert(1)</script><style>p{}</style>')).toEqual({
      html: '<p>Hi</p>',
      removed: ['onclick on <p>', '<script>', '<style>'],
    });
    expect(descriptionToHtml('<a href="javascript:alert(1)" target="_blank">x</a>')).toEqual({
      html: '<a>x</a>',
      removed: ['href on <a>', 'target on <a>'],
    });
    expect(descriptionToHtml('<a href="/relative">x</a><a href="//evil.example">y</a>').html).toBe('<a>x</a><a>y</a>');
    expect(descriptionToHtml('<span style="color:red;background:url(x)">x</span><p style="color:red">y</p>')).toEqual({
      html: '<span style="color:red">x</span><p>y</p>',
      removed: ['style other than color on <span>', 'style on <p>'],
    });
    expect(descriptionToHtml('<!-- note --><font color="red">x</font><iframe src="https://x">inner</iframe>')).toEqual({
      html: '<p>x</p>',
      removed: ['<font>', '<iframe>', '<!…> comments or declarations'],
    });
    // Text left with no tag stays HTML, so a second pass cannot escape its entities again.
    expect(descriptionToHtml('<font>Q&amp;A</font>')).toEqual({ html: '<p>Q&amp;A</p>', removed: ['<font>'] });
    expect(descriptionToHtml('<img src="data:image/png;base64,AA" onerror="x()">').html).toBe('<img />');
  });

  it('does not keep a tag the parser could not read (cut off at the end)', () => {
    expect(descriptionToHtml("<p>Hi</p><h1 onload='>")).toEqual({ html: '<p>Hi</p>', removed: ['markup that could not be read'] });
    expect(descriptionToHtml('<p>a</p></<b onclick="x">')).toEqual({ html: '<p>a</p>', removed: ['<!…> comments or declarations'] });
    // A quoted "<" in an attribute is text to every parser: kept as written.
    expect(descriptionToHtml('<p title="<b>x">y</p>')).toEqual({ html: '<p title="<b>x">y</p>', removed: [] });
  });

  it('is idempotent on the examples', () => {
    for (const text of ['plain\n\ntext & <b>bold</b>', 'a < b', '<p onclick=x>a</p>', 'x\ny']) {
      const once = descriptionToHtml(text).html;
      expect(descriptionToHtml(once)).toEqual({ html: once, removed: [] });
    }
  });
});

// ---- property tests -------------------------------------------------------------------------

const allowedTags = new Set(ALLOWED_TAGS);
const EVIL_TAGS = [
  'script',
  'style',
  'iframe',
  'object',
  'svg',
  'math',
  'form',
  'input',
  'textarea',
  'noscript',
  'template',
  'xmp',
  'option',
  'title',
  'font',
  'embed',
  'base',
  'meta',
  'link',
];
const ATTRIBUTE_NAMES = [
  ...PRESENTATIONAL_ATTRIBUTES,
  'href',
  'src',
  'style',
  'itemscope',
  'itemtype',
  'onclick',
  'onerror',
  'onload',
  'class',
  'id',
  'target',
  'formaction',
  'srcdoc',
  'xlink:href',
  'data-x',
  'ONMOUSEOVER',
];
const ATTRIBUTE_VALUES = [
  'https://example.com/a?b=1&c=2',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:x',
  'java\tscript:x',
  '&#106;avascript:x',
  'data:text/html,<script>x</script>',
  '//evil.example',
  'mailto:a@b.c',
  'tel:123',
  'vbscript:x',
  'color: red',
  'color:red;background:url(javascript:x)',
  'expression(alert(1))',
  'color: #fff; position: fixed',
  '"><script>x</script>',
  "'",
  '',
];

const tagName = fc.constantFrom(...ALLOWED_TAGS, ...EVIL_TAGS, 'SCRIPT', 'Img', 'custom-tag');
const attribute = fc
  .tuple(
    fc.constantFrom(...ATTRIBUTE_NAMES),
    fc.oneof(fc.constantFrom(...ATTRIBUTE_VALUES), fc.string({ maxLength: 12 })),
    fc.constantFrom('"', "'", ''),
  )
  .map(([name, value, quote]) =>
    quote === '' ? ` ${name}=${value.replace(/[\s>]/g, '') || 'x'}` : ` ${name}=${quote}${value.split(quote).join('')}${quote}`,
  );
const markupNoise = fc.string({
  unit: fc.constantFrom('<', '>', '/', '=', '"', "'", ' ', '\n', 'a', 'p', 'h1', 'on', '!', '-', '?', '&', '#', ';'),
  maxLength: 12,
});
const textPiece = fc.oneof(
  fc.string({ maxLength: 10 }),
  markupNoise,
  fc.constantFrom('<', '>', '&', '&amp;', '<!--', '-->', '<![CDATA[', ']]>', '</', '"', '\n\n', '<?x?>'),
);
const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textPiece,
    fc
      .tuple(tagName, fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean())
      .map(([tag, attrs, children, close]) => `<${tag}${attrs.join('')}>${children.join('')}${close ? `</${tag}>` : ''}`),
  ),
})).node;
const randomHtml = fc.array(htmlTree, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

/**
 * Start tags as a browser's tokenizer (WHATWG "tokenization", simplified) reads them: independent
 * of sanitize-html and of the implementation's own checks. Comments and bogus comments are
 * returned as tag "!" so the test can refuse them; a tag cut off by the end of input is dropped,
 * as browsers drop it.
 */
function startTags(html: string): Array<{ tag: string; attributes: Array<[string, string]> }> {
  const tags: Array<{ tag: string; attributes: Array<[string, string]> }> = [];
  const isLetter = (c: string | undefined) => c !== undefined && /[a-zA-Z]/.test(c);
  const isSpace = (c: string | undefined) => c !== undefined && /[\t\n\f\r ]/.test(c);
  let i = 0;
  while (i < html.length) {
    if (html[i] !== '<') {
      i++;
      continue;
    }
    const next = html[i + 1];
    if (next === '!' || next === '?' || (next === '/' && !isLetter(html[i + 2]) && html[i + 2] !== '>')) {
      tags.push({ tag: '!', attributes: [] });
      const end = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const endTag = next === '/';
    if (!isLetter(endTag ? html[i + 2] : next)) {
      i++;
      continue;
    }
    let j = i + (endTag ? 2 : 1);
    let name = '';
    while (j < html.length && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>') name += html[j++];
    const attributes: Array<[string, string]> = [];
    let closed = false;
    while (j < html.length) {
      const c = html[j];
      if (c === '>') {
        closed = true;
        j++;
        break;
      }
      if (isSpace(c) || c === '/') {
        j++;
        continue;
      }
      let attr = html[j++]!;
      while (j < html.length && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') attr += html[j++];
      while (isSpace(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (isSpace(html[j])) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          if (end === -1) {
            j = html.length;
            break;
          }
          value = html.slice(j + 1, end);
          j = end + 1;
        } else {
          while (j < html.length && !isSpace(html[j]) && html[j] !== '>') value += html[j++];
        }
      }
      attributes.push([attr.toLowerCase(), decode(value)]);
    }
    if (closed && !endTag) tags.push({ tag: name.toLowerCase(), attributes });
    i = closed ? j : html.length;
  }
  return tags;
}

function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec) % 0x110000))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('description properties', () => {
  it('check with a tokenizer that sees what a browser sees', () => {
    expect(startTags('<p onclick=x>a</p><!-- c --><a href="java&#115;cript:x" title=\'1 > 2\'><br/><i')).toEqual([
      { tag: 'p', attributes: [['onclick', 'x']] },
      { tag: '!', attributes: [] },
      {
        tag: 'a',
        attributes: [
          ['href', 'javascript:x'],
          ['title', '1 > 2'],
        ],
      },
      { tag: 'br', attributes: [] },
    ]);
  });

  it('never yields a tag or attribute outside the allowlist, nor a script URL or comment', () => {
    fc.assert(
      fc.property(randomHtml, (input) => {
        const { html } = descriptionToHtml(input);
        for (const { tag, attributes } of startTags(html)) {
          expect(allowedTags.has(tag), `tag <${tag}> in ${html}`).toBe(true);
          for (const [name, value] of attributes) {
            const allowed = PRESENTATIONAL_ATTRIBUTES.includes(name) || (TAG_ATTRIBUTES[tag] ?? []).includes(name);
            expect(allowed, `${name} on <${tag}> in ${html}`).toBe(true);
            if (name === 'href') expect(value.trim(), html).toMatch(/^(https?:\/\/|mailto:|tel:)/i);
            if (name === 'src') expect(value.trim(), html).toMatch(/^https?:\/\//i);
            if (name === 'style') for (const d of value.split(';').filter((s) => s.trim())) expect(d.trim(), html).toMatch(/^color\s*:/i);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent and keeps its own output byte-identical', () => {
    fc.assert(
      fc.property(fc.oneof(randomHtml, fc.string({ maxLength: 80 })), (input) => {
        const once = descriptionToHtml(input).html;
        expect(descriptionToHtml(once)).toEqual({ html: once, removed: [] });
      }),
      { numRuns: 2000 },
    );
  });
});
