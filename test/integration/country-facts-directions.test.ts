import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackEnd, type LocalBackEnd } from '../../electron/services/back-end';
import type { CountryFact } from '../../shared/model/country-fact';
import type { Direction } from '../../shared/model/direction';
import { DIRECTION_FIELD_LABELS } from '../../shared/labels';
import { DIRECTION_FIELDS } from '../../shared/model/direction';
import { karte } from '../support/cli';
import { pdfPages, pdfPageSizes, squeezed } from '../support/pdf';
import { DEMO_DIR, useTempDir } from '../support/temp';

// 国情 and 方向性 through the real back end and SQLite, as the dossier page calls them; the one-pager and the pack
// printed by Chromium through the command line, read back with pdf.js.

describe('country facts and directions', () => {
  const temp = useTempDir();
  let backEnd: LocalBackEnd | null = null;
  afterEach(async () => {
    await backEnd?.close();
    backEnd = null;
  });

  const open = async () => {
    backEnd = openBackEnd({ store: { file: path.join(temp.dir(), 'karte.sqlite'), author: 'desk' }, demoDir: DEMO_DIR, version: 'test' });
    await backEnd.call('demo.import', {});
    return backEnd;
  };
  const facts = async (k: LocalBackEnd, country = 'VN') => (await k.call('facts.list', { country })) as CountryFact[];
  const directions = async (k: LocalBackEnd, place: { country: string } | { region: string }) => (await k.call('directions.list', place)) as Direction[];

  it('adds, edits and deletes a country’s facts, in the order a pack prints them, each edit undone by Ctrl+Z', async () => {
    const k = await open();
    const { id: population } = (await k.call('fact.add', { country: 'vn', values: { kind: 'population', value: '約9,946万人', source: '世界銀行', asOf: '2023年' } })) as {
      id: string;
    };
    await k.call('fact.add', { country: 'VN', values: { kind: 'capital', value: 'ハノイ' } });
    await k.call('fact.add', { country: 'VN', values: { kind: 'other', label: '宗教', value: '仏教', scope: 'government' } });

    const listed = await facts(k);
    expect(listed.map((f) => f.kind)).toEqual(['capital', 'population', 'other']);
    expect(listed[1]).toMatchObject({ country: 'VN', value: '約9,946万人', source: '世界銀行', asOf: { precision: 'year', text: '2023年' }, scope: 'council' });

    const updated = (await k.call('fact.update', { id: population.slice(0, 8), values: { value: '約1億人', asOf: '2024年4月' } })) as CountryFact;
    expect(updated).toMatchObject({ value: '約1億人', asOf: { precision: 'month', from: '2024-04' } });
    await k.call('undo', {});
    expect((await facts(k)).find((f) => f.id === population)).toMatchObject({ value: '約9,946万人', asOf: { text: '2023年' } });

    await k.call('fact.delete', { id: population });
    expect((await facts(k)).map((f) => f.kind)).toEqual(['capital', 'other']);
    await k.call('undo', {});
    expect((await facts(k)).map((f) => f.kind)).toEqual(['capital', 'population', 'other']);
  });

  it('refuses a fact without its value, an other fact without its label and an unknown country, naming the field', async () => {
    const k = await open();
    await expect(k.call('fact.add', { country: 'VN', values: { kind: 'capital', value: '  ' } })).rejects.toMatchObject({
      code: 'text_required',
      details: { table: 'country_facts', field: 'value' },
    });
    await expect(k.call('fact.add', { country: 'VN', values: { kind: 'other', value: '仏教' } })).rejects.toMatchObject({
      code: 'text_required',
      details: { table: 'country_facts', field: 'label' },
    });
    await expect(k.call('fact.add', { country: 'XX', values: { kind: 'capital', value: 'x' } })).rejects.toMatchObject({
      code: 'unknown_country',
      details: { params: { country: 'XX' } },
    });
    const { id } = (await k.call('fact.add', { country: 'VN', values: { kind: 'capital', value: 'ハノイ' } })) as { id: string };
    await expect(k.call('fact.update', { id, values: { value: '' } })).rejects.toMatchObject({ code: 'text_required', details: { field: 'value', record: id } });
    expect((await facts(k)).map((f) => f.value)).toEqual(['ハノイ']);
  });

  it('keeps one direction per sector of a country or a region, checks its codes, and lists a country’s own before its regions’', async () => {
    const k = await open();
    const { id } = (await k.call('direction.create', { country: 'VN', sector: 'postal', values: { situation: '区分機の更新期' } })) as { id: string };
    await k.call('direction.create', { region: 'asean', sector: 'postal', values: { target: 'ASEAN全体で受注' } });
    await k.call('direction.create', { country: 'VN', sector: '5g' });

    await expect(k.call('direction.create', { country: 'VN', sector: 'postal' })).rejects.toMatchObject({
      code: 'direction_exists',
      details: { table: 'directions', record: id, field: 'sector', params: { sector: 'postal' } },
    });
    await expect(k.call('direction.create', { country: 'VN', sector: 'railways' })).rejects.toMatchObject({ code: 'unknown_sector', details: { params: { sector: 'railways' } } });
    await expect(k.call('direction.create', { region: 'atlantis', sector: 'postal' })).rejects.toMatchObject({
      code: 'unknown_region',
      details: { params: { region: 'atlantis' } },
    });
    await expect(k.call('direction.create', { country: 'VN', region: 'asean', sector: 'postal' })).rejects.toMatchObject({ code: 'invalid_arguments' });
    // Moving the 5G one onto 郵便 would make two.
    const fiveG = (await directions(k, { country: 'VN' })).find((d) => d.sector === '5g')!;
    await expect(k.call('direction.update', { id: fiveG.id, values: { sector: 'postal' } })).rejects.toMatchObject({ code: 'direction_exists' });

    const vn = await directions(k, { country: 'VN' });
    expect(vn.map((d) => [d.country, d.region, d.sector])).toEqual([
      ['VN', '', '5g'],
      ['VN', '', 'postal'],
      [null, 'asean', 'postal'],
    ]);
    expect((await directions(k, { region: 'asean' })).map((d) => d.target)).toEqual(['ASEAN全体で受注']);

    const updated = (await k.call('direction.update', { id: id.slice(0, 8), values: { strengths: '日本製区分機の実績', scope: 'government' } })) as Direction;
    expect(updated).toMatchObject({ situation: '区分機の更新期', strengths: '日本製区分機の実績', scope: 'government' });
    await k.call('undo', {});
    expect((await directions(k, { country: 'VN' })).find((d) => d.id === id)).toMatchObject({ strengths: '', scope: 'council' });

    // A deleted direction leaves its sector free for a new one.
    await k.call('direction.delete', { id });
    expect((await directions(k, { country: 'VN' })).map((d) => d.sector)).toEqual(['5g', 'postal']);
    await k.call('direction.create', { country: 'VN', sector: 'postal' });
    await k.call('undo', {});
    await k.call('undo', {});
    expect((await directions(k, { country: 'VN' })).find((d) => d.id === id)).toMatchObject({ situation: '区分機の更新期' });
  });

  it('prints a direction on one A4 page under its six headings and its audience, refuses an audience wider than it, and keeps a government fact out of a council pack', async () => {
    const k = await open();
    const parts = {
      situation: 'ホーチミン新区分センターの更新計画が進行中',
      strengths: '日本製郵便区分機の導入実績',
      pathToWin: '実証から円借款案件化へ',
      bottlenecks: '価格競争力',
      measures: '官民ミッションで提案',
      target: '2026年度までに受注',
    };
    const { id } = (await k.call('direction.create', { country: 'VN', sector: 'postal', values: { ...parts, scope: 'government' } })) as { id: string };
    await k.call('fact.add', { country: 'VN', values: { kind: 'capital', value: 'ハノイ', source: '外務省', asOf: '2024年' } });
    await k.call('fact.add', { country: 'VN', values: { kind: 'other', label: '政府限りの指標', value: '内部試算1.2兆円', scope: 'government' } });
    const db = k.store.file;
    await k.close();
    backEnd = null;

    const out = path.join(temp.dir(), 'direction.pdf');
    const printed = karte(['--db', db, 'direction', 'print', '--id', id.slice(0, 8), '--audience', 'government', '--as-of', '2025-04-01', '--out', out]);
    expect(printed.status, printed.stderr).toBe(0);
    expect(await pdfPageSizes(out)).toEqual([{ width: 595, height: 842 }]);
    const [page] = (await pdfPages(out)).map(squeezed);
    expect(page).toContain('政府関係機関限り');
    expect(page).toContain(squeezed('ベトナム 分野別の方向性'));
    expect(page).toContain('郵便（ベトナム）');
    for (const field of DIRECTION_FIELDS) {
      expect(page, field).toContain(squeezed(DIRECTION_FIELD_LABELS[field].ja));
      expect(page, field).toContain(squeezed(parts[field]));
    }

    const refused = karte(['--db', db, 'direction', 'print', '--id', id, '--audience', 'council', '--out', path.join(temp.dir(), 'refused.pdf')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/narrower than the audience 'council'/);

    const pack = path.join(temp.dir(), 'pack.pdf');
    const written = karte(['--db', db, 'pack', '--country', 'VN', '--audience', 'council', '--sections', 'facts,directions', '--out', pack]);
    expect(written.status, written.stderr).toBe(0);
    const text = (await pdfPages(pack)).map(squeezed).join('');
    expect(text).toContain('ハノイ');
    expect(text).not.toContain('内部試算');
    // The government-scoped direction stays out of a council pack too.
    expect(text).not.toContain(squeezed(parts.situation));
  });
});
