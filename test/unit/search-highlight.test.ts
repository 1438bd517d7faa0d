import { describe, expect, it } from 'vitest';
import { highlightParts } from '../../shared/search-highlight';

describe('highlightParts', () => {
  const marked = (text: string, query: string) =>
    highlightParts(text, query)
      .map((p) => (p.match ? `[${p.text}]` : p.text))
      .join('');

  it('marks every place each word of the query occurs', () => {
    expect(marked('副大臣間で郵便覚書に署名、覚書を格上げ', '覚書')).toBe('副大臣間で郵便[覚書]に署名、[覚書]を格上げ');
    expect(marked('スマートシティのKPI', 'kpi スマート')).toBe('[スマート]シティの[KPI]');
  });

  it('folds full-width and half-width forms as search does, keeping the text as written', () => {
    expect(marked('ＫＰＩの調査', 'KPI')).toBe('[ＫＰＩ]の調査');
    expect(marked('ｶﾒﾗの設置', 'カメラ')).toBe('[ｶﾒﾗ]の設置');
  });

  it('gives the text whole when the query has nothing to look for', () => {
    expect(highlightParts('覚書', ' 、')).toEqual([{ text: '覚書', match: false }]);
    expect(marked('郵便', '消防')).toBe('郵便');
  });
});
