// Arbitrary HTML for description cells: tags Guidebook allows and tags it does not, event
// handlers, script links in every spelling, styles beyond color, comments, CDATA, broken and
// nested markup, and classic filter-evasion snippets.
import fc from 'fast-check';

const TAGS = [
  'p', 'b', 'i', 'a', 'span', 'div', 'img', 'ul', 'li', 'table', 'td', 'br', 'h1', 'h7', 'pre', 'code', 'q', 'ruby',
  'script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'title',
  'template', 'noscript', 'xmp', 'plaintext', 'font', 'center', 'marquee', 'base', 'meta', 'link', 'video', 'source',
  'SCRIPT', 'ScRiPt', 'x-custom', 'a:b', 'svg:script',
];

const ATTRIBUTES = [
  'href="https://example.com/a?b=1&amp;c=2"', 'href="http://ok.example"', 'href="mailto:a@b.c"', 'href="tel:+1555"',
  'href="javascript:alert(1)"', 'href="JaVaScRiPt:alert(1)"', 'href=" javascript:alert(1)"', 'href="java\tscript:alert(1)"',
  'href="&#106;avascript:alert(1)"', 'href="data:text/html,<script>alert(1)</script>"', 'href="vbscript:x"', 'href="//evil.example"',
  'href="/relative"', 'href', "href='javascript:x'", 'href=javascript:x', 'src="https://img.example/x.png"', 'src="javascript:x"',
  'src="data:image/png;base64,AA"', 'srcset="x 1x"', 'onclick="alert(1)"', 'onerror=alert(1)', 'ONLOAD="x"', 'onmouseover',
  'style="color: red"', 'style="color:#ff0000"', 'style="color: red; background: url(javascript:x)"', 'style="position:fixed"',
  'style="color: expression(alert(1))"', 'style="COLOR: blue"', 'class="x"', 'id="y"', 'title="t"', 'align="center"',
  'colspan="2"', 'width="10"', 'itemscope', 'itemtype="https://schema.org/Event"', 'xlink:href="javascript:x"',
  'formaction="javascript:x"', 'data-x="1"', 'lang="de"', 'dir="rtl"', 'alt="a"', '"quoted"', "='x'", '/', '=',
];

const SNIPPETS = [
  '<!-- comment -->', '<!-- <script>alert(1)</script> -->', '<!--', '-->', '<![CDATA[<script>x</script>]]>', '<!DOCTYPE html>',
  '<?xml version="1.0"?>', '</', '<', '>', '&lt;script&gt;alert(1)&lt;/script&gt;', '&#60;script&#62;', '&#x3C;b&#x3E;',
  '<scr<script>ipt>alert(1)</script>', '<<script>script>', '<img src=x onerror=alert(1)//', '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:x">x</mi></math>', '<a href="javascript:alert(1)">x', '<iframe src="javascript:x"></iframe>',
  '<style>@import "x"</style>', '<p style="color:red" onclick=x>', '<br/>', '<br />', '<hr>', '</p></p></div>', '<p><p><p>',
  '<table><tr><td>x</td></tr></table>', '<ul><li>a<li>b</ul>', '\0', '<b\0>', '<a\nhref="javascript:x">', 'a < b > c', '<3',
  '<title>t</title>', '<textarea><b>x</b></textarea>', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>x</script></template>', '<xmp><script>x</script></xmp>', '<plaintext><b>x',
];

const text = fc.string({ unit: fc.constantFrom(...Array.from('ab &;"\'=/<>\n\t#é😀')), maxLength: 12 });

const openTag = fc
  .tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 3 }), fc.constantFrom('>', '/>', ' >', ''))
  .map(([tag, attributes, end]) => `<${tag}${attributes.map((a) => ` ${a}`).join('')}${end}`);

const closeTag = fc.constantFrom(...TAGS).map((tag) => `</${tag}>`);

export const htmlDescription: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: openTag },
      { weight: 2, arbitrary: closeTag },
      { weight: 3, arbitrary: text },
      { weight: 2, arbitrary: fc.constantFrom(...SNIPPETS) },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));
