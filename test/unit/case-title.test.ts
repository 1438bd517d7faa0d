import { describe, expect, it } from 'vitest';
import { dossierHeadline } from '../../shared/case-title';

const postal = { sector: 'postal', sectorLabel: '郵便', summary: '' };

describe('dossierHeadline', () => {
  it('leaves out the country and the sector the matrix row already shows', () => {
    expect(dossierHeadline({ ...postal, title: 'ベトナム 郵便: 区分機', summary: '区分機' }, 'VN')).toEqual({ omitted: 'ベトナム 郵便: ', title: '区分機', summary: null });
    expect(dossierHeadline({ ...postal, title: 'ベトナム 郵便区分機' }, 'VN').title).toBe('郵便区分機');
    expect(dossierHeadline({ ...postal, title: '【ベトナム】 郵便　区分機' }, 'VN').title).toBe('区分機');
    expect(dossierHeadline({ ...postal, title: 'Vietnam Postal services: sorting machines' }, 'VN').title).toBe('sorting machines');
  });

  it('cuts names only as whole words, and never down to nothing', () => {
    // ベトナム郵便 is the operator's name, not the country followed by the sector.
    expect(dossierHeadline({ ...postal, title: 'ベトナム郵便の区分機' }, 'VN').title).toBe('ベトナム郵便の区分機');
    expect(dossierHeadline({ ...postal, title: 'ベトナム 郵便' }, 'VN').title).toBe('郵便');
    expect(dossierHeadline({ ...postal, title: 'ベトナム' }, 'VN').title).toBe('ベトナム');
    // Another country's name stays: the row of a case of several countries.
    expect(dossierHeadline({ ...postal, title: 'フィリピン 郵便: 区分機' }, 'VN').title).toBe('フィリピン 郵便: 区分機');
  });

  it('cuts the longest sector name the title starts with', () => {
    const broadcasting = { sector: 'broadcasting', sectorLabel: '放送システム/放送利用システム', summary: '' };
    expect(dossierHeadline({ ...broadcasting, title: 'フィリピン 放送システム/放送利用システム: 地上デジタル放送日本方式' }, 'PH').title).toBe('地上デジタル放送日本方式');
  });

  it('gives the summary only when the title does not say it, and a shortened summary whole', () => {
    expect(dossierHeadline({ ...postal, title: 'ベトナム 郵便: 区分機', summary: '区分機の導入を提案' }, 'VN')).toEqual({
      omitted: 'ベトナム 郵便: ',
      title: '区分機',
      summary: '区分機の導入を提案',
    });
    const long = '郵便局の金融サービス電子化(電子マネーカードによる年金支給等)を進め、窓口業務を高度化する';
    expect(dossierHeadline({ ...postal, title: `ベトナム 郵便: ${long.slice(0, 40)}…`, summary: long }, 'VN')).toEqual({ omitted: 'ベトナム 郵便: ', title: long, summary: null });
  });
});
