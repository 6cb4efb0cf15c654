// Whatever HTML a description cell holds, what the importer would send holds only tags and
// attributes on Guidebook's allowlist (src/validate/html-allowlist.ts), read by htmlparser2 and
// by a spec-style tokenizer alike; and converting the result again changes nothing, so a
// re-sync never sees a difference that is not there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { descriptionToHtml } from '../../src/validate/index.js';
import { problemsByHtmlparser2, problemsByTokenizer } from './support/html-allowlist-check.js';
import { runs } from './support/runs.js';
import { htmlDescription } from './support/html-input.js';

describe('fuzz: description HTML', () => {
  it('never yields a tag or attribute outside the allowlist', () => {
    fc.assert(
      fc.property(htmlDescription, (input) => {
        const { html } = descriptionToHtml(input);
        expect(problemsByHtmlparser2(html)).toEqual([]);
        expect(problemsByTokenizer(html)).toEqual([]);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('is a fixed point: the output converted again is the output', () => {
    fc.assert(
      fc.property(htmlDescription, (input) => {
        const once = descriptionToHtml(input).html;
        expect(descriptionToHtml(once)).toEqual({ html: once, removed: [] });
      }),
      { numRuns: runs(1000) },
    );
  });

  it('the checks themselves see what they must refuse', () => {
    const bad =
      '<p onclick="x">a</p><a href="java\tscript:x">b</a><span style="color:red;position:fixed">c</span><script>d</script><!-- e -->';
    for (const problems of [problemsByHtmlparser2(bad), problemsByTokenizer(bad)]) {
      expect(problems.join('\n')).toMatch(/onclick on <p>/);
      expect(problems.join('\n')).toMatch(/href .* on <a>/);
      expect(problems.join('\n')).toMatch(/style .* on <span>/);
      expect(problems.join('\n')).toMatch(/<script>/);
    }
    expect(problemsByTokenizer('<p title="a">x &lt;script&gt; <a href="https://ok.example/?a=1&amp;b=2">y</a></p>')).toEqual([]);
  });
});
