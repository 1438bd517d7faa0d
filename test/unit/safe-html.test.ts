import { describe, expect, it } from 'vitest';
import { cssString, html, joinHtml, styleElement, type SafeHtml } from '../../shared/safe-html';

describe('html', () => {
  it('escapes every value put into the template, in element content and in attribute values', () => {
    const text = `<script>alert(1)</script>"><img src=x onerror=alert(1)>'&`;
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&amp;';
    expect(String(html`<p title="${text}">${text}</p>`)).toBe(`<p title="${escaped}">${escaped}</p>`);
    expect(String(html`<td>${42}</td>`)).toBe('<td>42</td>');
  });

  it('puts markup made by html in as it is, and a list of it joined', () => {
    const items = ['a', '<b>'].map((item) => html`<li>${item}</li>`);
    expect(String(html`<ul>${items}</ul>`)).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>');
    expect(String(joinHtml(items, '\n'))).toBe('<li>a</li>\n<li>&lt;b&gt;</li>');
    expect(String(html`<p>${html``}</p>`)).toBe('<p></p>');
  });

  it('refuses a value in a tag outside a "quoted" attribute value, where escaping cannot stop a new attribute', () => {
    const value = 'x onmouseover=alert(1)';
    expect(() => html`<p class=${value}>`).toThrow(/quoted/);
    expect(() => html`<p ${value}>`).toThrow(/quoted/);
    expect(() => html`<a href="#x" class=${value}>`).toThrow(/quoted/);
    expect(String(html`<a href="#${value}" class="c">${value}</a>`)).toBe('<a href="#x onmouseover=alert(1)" class="c">x onmouseover=alert(1)</a>');
  });

  it('takes no plain string, nor a look-alike object, for markup: the compiler refuses both', () => {
    // @ts-expect-error: a plain string is not SafeHtml
    const typed: SafeHtml = '<b>not markup</b>';
    // @ts-expect-error: nor is an object of the same shape
    const lookAlike: SafeHtml = { toString: () => '<b>not markup</b>' };
    // @ts-expect-error: joinHtml joins markup only
    const joined = joinHtml(['<b>not markup</b>'], '');
    // Forced past the compiler, the string is still escaped, and the look-alike refused.
    expect(String(joined)).toBe('&lt;b&gt;not markup&lt;/b&gt;');
    expect(String(html`<p>${typed}</p>`)).toBe('<p>&lt;b&gt;not markup&lt;/b&gt;</p>');
    expect(String(html`<p>${[typed]}</p>`)).toBe('<p>&lt;b&gt;not markup&lt;/b&gt;</p>');
    expect(String(html`<p>${lookAlike}</p>`)).toBe('<p>&lt;b&gt;not markup&lt;/b&gt;</p>');
  });
});

describe('style elements', () => {
  it('hold CSS as it is, and refuse CSS that would close the element', () => {
    expect(String(styleElement("\nh1 { font-family: 'Noto Sans JP'; }\n"))).toBe("<style>\nh1 { font-family: 'Noto Sans JP'; }\n</style>");
    expect(() => styleElement('h1 {} </STYLE ><script>alert(1)</script>')).toThrow(/<\/style/);
  });

  it('take text only as a CSS string that neither ends early nor closes the element', () => {
    expect(cssString('say "hi" \\ there')).toBe('"say \\"hi\\" \\\\ there"');
    expect(cssString('</style><script>')).toBe('"\\3c /style>\\3c script>"');
    expect(cssString('a\nb\rc\fd')).toBe('"a\\a b\\d c\\c d"');
    expect(() => styleElement(`@page { @top-left { content: ${cssString('</style><script>alert(1)</script>')}; } }`)).not.toThrow();
  });
});
