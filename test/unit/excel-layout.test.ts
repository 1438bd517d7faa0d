import { describe, expect, it } from 'vitest';
import { readDossierSheet, splitEventLine } from '../../shared/excel/dossier-sheet-reading';
import { recogniseFlatSheet } from '../../shared/excel/flat-sheet-reading';
import { eventLines, sheetName } from '../../shared/excel/sheet-layout';

describe('sheet names', () => {
  it('keeps within Excel’s 31 characters and forbidden characters, and numbers a repeated name', () => {
    const taken = new Set<string>(['cases']);
    expect(sheetName('ボスニア・ヘルツェゴビナ', taken)).toBe('ボスニア・ヘルツェゴビナ');
    expect(sheetName('a/b\\c?d*e[f]g:h', taken)).toBe('a・b・c・d・e・f・g・h');
    const long = 'サウスジョージア・サウスサンドウィッチ諸島とその周辺の海域の島々';
    const first = sheetName(long, taken);
    expect(first).toHaveLength(31);
    const second = sheetName(long, taken);
    expect(second).toHaveLength(31);
    expect(second.endsWith('(2)')).toBe(true);
    expect(sheetName('CASES', taken)).toBe('CASES(2)');
  });

  it('writes each event on its own line with its date in bold, an undated one without', () => {
    expect(
      eventLines([
        { dateText: '2019年3月', text: '覚書に署名' },
        { dateText: '', text: '(参考) 受注' },
      ]),
    ).toEqual([{ text: '2019年3月', bold: true }, { text: ' 覚書に署名\n' }, { text: '(参考) 受注' }]);
  });
});

describe('event lines of a 別表 cell', () => {
  it('splits the longest date the parser reads from the text, after a bullet, a space or a colon', () => {
    expect(splitEventLine('2019年3月 覚書に署名')).toEqual({ dateText: '2019年3月', text: '覚書に署名', unread: null });
    expect(splitEventLine('・2020年2月：政府間対話')).toEqual({ dateText: '2020年2月', text: '政府間対話', unread: null });
    expect(splitEventLine('2014年1月～2019年3月 実証')).toEqual({ dateText: '2014年1月～2019年3月', text: '実証', unread: null });
    expect(splitEventLine('令和元年12月 意見交換')).toEqual({ dateText: '令和元年12月', text: '意見交換', unread: null });
    expect(splitEventLine('(参考) ・送信機**台受注')).toEqual({ dateText: '', text: '(参考) ・送信機**台受注', unread: null });
  });

  it('marks a start that looks like a date but reads as none', () => {
    expect(splitEventLine('2019年度末ごろ 実証')).toMatchObject({ dateText: '', unread: '2019年度末ごろ' });
  });
});

describe('recognising sheets', () => {
  it('finds Karte’s flat events sheet below other rows, its columns in any order', () => {
    const sheet = recogniseFlatSheet('events', [
      ['書き出し: 2026-12-06'],
      ['内容', 'ID', '日付', 'フェーズ', '案件ID'],
      ['覚書に署名', 'e1', '2019年3月', 'mou_top_sales', 'c1'],
      ['', '', '', '', ''],
    ]);
    expect(sheet?.kind).toBe('events');
    expect(sheet?.rows).toEqual([{ row: 3, cells: new Map(Object.entries({ id: 'e1', caseId: 'c1', phase: 'mou_top_sales', date: '2019年3月', text: '覚書に署名' })) }]);
  });

  it('takes a one-row 別表 heading, the country from the title, and a 【国】 row for the rows below it', () => {
    const read = readDossierSheet(
      'VN',
      [
        ['海外展開カルテ – ベトナム社会主義共和国における現状と今後の展開方針（概要）'],
        ['分野', '概要', '検討', '実務協議', '覚書等', '調査・実証', '受注', '今後の方針'],
        ['郵便', '区分機', '2009年9月 要請', '', '', '', '2018年6月 受注', '保守'],
      ],
      'vn.xlsx',
    );
    expect(read?.table).toMatchObject({ region: 'ASEAN', cases: [{ country_iso2: 'VN', sector: '郵便', summary: '区分機', future_policy: '保守' }] });
    expect(read?.table.cases[0].events.map((e) => [e.phase, e.date_text])).toEqual([
      ['consideration', '2009年9月'],
      ['order_management', '2018年6月'],
    ]);
    const region = readDossierSheet(
      'LA',
      [
        ['分野', '概要', '検討', '調査・実証'],
        ['【ブラジル】', '', '', ''],
        ['放送', '', '2006年 採用', ''],
        ['【チリ】 放送', '', '2009年 採用', ''],
        ['【アトランティス】 放送', '', '2009年 採用', ''],
      ],
      'la.csv',
    );
    expect(region?.table.cases.map((c) => c.country_iso2)).toEqual(['BR', 'CL', '']);
    expect(region?.problems).toEqual([expect.objectContaining({ row: 5, column: '分野', code: 'unknown_country', params: expect.objectContaining({ code: 'アトランティス' }) })]);
  });

  it('does not take a sheet without headings for either', () => {
    expect(recogniseFlatSheet('memo', [['メモ'], ['何か']])).toBeNull();
    expect(readDossierSheet('memo', [['メモ'], ['何か']], 'memo.xlsx')).toBeNull();
  });
});
