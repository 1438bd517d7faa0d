import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { excerpt, foldText, indexGrams, matchExpression } from '../../shared/search-text';

describe('foldText', () => {
  it('folds full-width and half-width forms (NFKC) and Latin case', () => {
    expect(foldText('ＫＰＩ')).toBe('kpi');
    expect(foldText('ｶﾙﾃ')).toBe('カルテ');
    expect(foldText('５Ｇ')).toBe('5g');
    expect(foldText('覚書')).toBe('覚書');
  });
});

describe('indexGrams', () => {
  it.each([
    ['覚書に署名', '覚書 書に に署 署名'],
    ['ローカル5G', 'ロー ーカ カル ル5 5g'],
    ['ab', 'ab'],
    ['a', 'a'],
    ['', ''],
  ])('indexes %j as %j', (text, grams) => {
    expect(indexGrams(text)).toBe(grams);
  });

  it('gives the same grams for full-width, half-width and lower-case forms', () => {
    expect(indexGrams('ＫＰＩ')).toBe('kp pi');
    expect(indexGrams('ＫＰＩ')).toBe(indexGrams('kpi'));
    expect(indexGrams('KPI')).toBe(indexGrams('kpi'));
    expect(indexGrams('ｶﾙﾃ')).toBe(indexGrams('カルテ'));
  });

  it('does not join grams across punctuation and spaces', () => {
    expect(indexGrams('覚書、署名。 5G!')).toBe('覚書 署名 5g');
    expect(indexGrams('（JICA）')).toBe('ji ic ca');
  });

  it('pairs characters, not UTF-16 units, beyond the basic plane', () => {
    expect(indexGrams('𠮷野家')).toBe('𠮷野 野家');
    expect(indexGrams('𠮷 a 野𠮷')).toBe('𠮷 a 野𠮷');
  });

  it('is, for any text, every run’s pairs of neighbouring characters in order', () => {
    const pairs = (run: string[]) => (run.length === 1 ? run : run.slice(1).map((c, i) => run[i] + c));
    const expected = (text: string) => (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((run) => pairs([...run])).join(' ');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Ｂ', '覚', '書', '𠮷', ' ', '、', '5', 'ｶ') }), (text) => {
        expect(indexGrams(text)).toBe(expected(text));
      }),
    );
    // Every character of the basic plane (each is told a letter or digit by a table), between letters and alone.
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      const text = `a${String.fromCharCode(unit)}b ${String.fromCharCode(unit)}`;
      if (indexGrams(text) !== expected(text)) expect.fail(`U+${unit.toString(16)}: ${indexGrams(text)} instead of ${expected(text)}`);
    }
  });
});

describe('matchExpression', () => {
  it('makes a 2-character query one phrase', () => {
    expect(matchExpression('覚書')).toBe('"覚書"');
  });

  it('makes a longer query the phrase of its bigrams, folded like the index', () => {
    expect(matchExpression('ローカル5G')).toBe('"ロー ーカ カル ル5 5g"');
    expect(matchExpression('ＫＰＩ')).toBe('"kp pi"');
    expect(matchExpression('ＫＰＩ')).toBe(matchExpression('kpi'));
  });

  it('makes a 1-character query a prefix query', () => {
    expect(matchExpression('覚')).toBe('"覚"*');
    expect(matchExpression(' Ａ ')).toBe('"a"*');
  });

  it('requires every run of the query', () => {
    expect(matchExpression('覚書 署名')).toBe('"覚書" AND "署名"');
    expect(matchExpression('5G・郵便')).toBe('"5g" AND "郵便"');
  });

  it.each(['', '   ', '、。！？', '"*()', '-'])('returns null for %j, which has nothing to search for', (query) => {
    expect(matchExpression(query)).toBeNull();
  });

  it('never lets a quote or operator through into the expression', () => {
    expect(matchExpression('a" OR "b')).toBe('"a"* AND "or" AND "b"*');
  });
});

describe('excerpt', () => {
  const before = 'あ'.repeat(100);
  const after = 'い'.repeat(100);
  const text = `${before}覚書に署名${after}`;

  it('returns text around the match with ellipses on both sides', () => {
    const out = excerpt(text, '覚書');
    expect(out).toBe(`…${'あ'.repeat(20)}覚書に署名${'い'.repeat(35)}…`);
    expect(out.length).toBe(60 + 2);
  });

  it('honours the width and starts at the text when the match is near the start', () => {
    expect(excerpt(`覚書に署名${after}`, '覚書', 10)).toBe('覚書に署名いいいいい…');
  });

  it('keeps a third of the width before the match and omits the trailing ellipsis at the end', () => {
    expect(excerpt(`${before}覚書`, '覚書', 30)).toBe(`…${'あ'.repeat(10)}覚書`);
  });

  it('finds the match through folding', () => {
    expect(excerpt(`${'x'.repeat(100)}KPI${'y'.repeat(100)}`, 'ｋｐｉ', 30)).toBe(`…${'x'.repeat(10)}KPI${'y'.repeat(17)}…`);
  });

  it('returns short texts whole, with whitespace collapsed', () => {
    expect(excerpt('  国内\n\n  検討中  ', '検討')).toBe('国内 検討中');
    expect(excerpt('short text', 'absent')).toBe('short text');
  });

  it('cuts a long text without a match at the width', () => {
    expect(excerpt(text, '郵便', 10)).toBe(`${'あ'.repeat(10)}…`);
    expect(excerpt(text, '', 10)).toBe(`${'あ'.repeat(10)}…`);
  });
});
