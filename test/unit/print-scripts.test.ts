import { describe, expect, it } from 'vitest';
import { fontStack, isRightToLeft, scriptsIn } from '../../shared/print/scripts';

describe('the scripts a printed text needs fonts for', () => {
  it('finds each counterpart script Noto Sans JP lacks, and none in Japanese, Latin or Vietnamese', () => {
    expect(scriptsIn('日本の技術 Japan Máy chia chọn bưu phẩm')).toEqual([]);
    expect(scriptsIn('ระบบ')).toEqual(['thai']);
    expect(scriptsIn('ລະບົບ')).toEqual(['lao']);
    expect(scriptsIn('ប្រព័ន្ធ')).toEqual(['khmer']);
    expect(scriptsIn('စနစ်')).toEqual(['myanmar']);
    expect(scriptsIn('نظام')).toEqual(['arabic']);
    // Persian and Urdu letters, and the presentation forms text pasted from a PDF holds, are Arabic script too.
    expect(scriptsIn('پاکستان')).toEqual(['arabic']);
    expect(scriptsIn('\uFEFB')).toEqual(['arabic']);
    // A byte order mark at the start of pasted text is no Arabic.
    expect(scriptsIn('\uFEFFtext')).toEqual([]);
    expect(scriptsIn('タイ ระบบ / ラオス ລະບົບ / نظام')).toEqual(['thai', 'lao', 'arabic']);
  });

  it('lists the Japanese font first, then the scripts’ own', () => {
    expect(fontStack([])).toBe("'Noto Sans JP', sans-serif");
    expect(fontStack(['thai', 'arabic'])).toBe("'Noto Sans JP', 'Noto Sans Thai', 'Noto Sans Arabic', sans-serif");
  });

  it('knows the right-to-left languages', () => {
    for (const lang of ['ar', 'fa', 'ur', 'he']) expect(isRightToLeft(lang), lang).toBe(true);
    for (const lang of ['th', 'km', 'lo', 'my', 'vi', 'en']) expect(isRightToLeft(lang), lang).toBe(false);
  });
});
