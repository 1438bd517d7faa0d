import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackEnd } from '../../electron/services/back-end';
import { sectorOverviewView } from '../../electron/services/council/matching';
import { buildPackInput } from '../../electron/services/pack/build-input';
import { newId } from '../../electron/services/record-ids';
import { readRow, writeRows } from '../../electron/services/store/store';
import type { MatchReason } from '../../shared/council/matching';
import { karte, karteJson } from '../support/cli';
import { pdfPages, squeezed } from '../support/pdf';
import { DEMO_DIR, demoFiles, withStore } from '../support/temp';

// Matching (ウ) and the sector page (ア) as a user meets them: the demo dossiers and the council's two files imported
// with `karte import`, cases created through the back end, `karte match` and `karte sector print` run as processes;
// the pack's council section built from the real store for two audiences.

const COUNCIL_FILES = ['support-schemes.json', 'track-records.json'].map((f) => path.join(DEMO_DIR, 'council', f));

type Entry = { id: string; name: string; reasons: (MatchReason & { text: string })[] };
interface MatchJson {
  schemes: Entry[];
  members: Entry[];
  advisors: Entry[];
  excluded: (Entry & { kind: string })[];
}

// Each test runs a few commands as processes, some printing with Chromium.
describe('matching the council database to a case', { timeout: 180_000 }, () => {
  let dir = '';
  let db = '';
  let waste = '';
  let postal = '';

  // One store for all: the demo dossiers and the council's files imported by the CLI, and two new Vietnamese cases.
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karte-matching-'));
    db = path.join(dir, 'karte.sqlite');
    const imported = karte(['--db', db, 'import', ...demoFiles(), ...COUNCIL_FILES]);
    expect(imported.status, imported.stderr).toBe(0);
    const backEnd = openBackEnd({ store: { file: db, author: 'desk' }, demoDir: DEMO_DIR, version: 'test' });
    try {
      waste = ((await backEnd.call('case.create', { title: 'ベトナム 廃棄物発電: ハノイ', countries: ['VN'], sectorLabel: '廃棄物発電' })) as { id: string }).id;
      postal = ((await backEnd.call('case.create', { title: 'ベトナム 郵便: 物流', countries: ['VN'], sectorLabel: '郵便' })) as { id: string }).id;
    } finally {
      await backEnd.close();
    }
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('ranks the JCM subsidy and the Yokohama companies with Vietnamese projects first for a Vietnamese waste-to-energy case, each with its reason', () => {
    const match = karteJson<MatchJson>(['--db', db, 'match', waste.slice(0, 8)]);
    expect(match.schemes[0].name).toBe('JCM設備補助事業');
    expect(match.schemes[0].reasons.map((r) => r.code)).toEqual(['sector', 'phase_later', 'any_country', 'scheme_used_in_country']);
    expect(match.schemes[0].reasons[0].text).toBe('分野が合う（廃棄物発電）');
    expect(match.schemes[0].reasons[3]).toMatchObject({ country: 'VN', organisation: '横浜ウォーター株式会社' });

    expect(match.members.slice(0, 2).map((m) => m.name)).toEqual(['横浜ウォーター株式会社', 'JFEエンジニアリング株式会社']);
    for (const member of match.members.slice(0, 2)) expect(member.reasons[0]).toMatchObject({ code: 'track_record_in_country', country: 'VN' });
    expect(match.members[1].reasons[0].text).toBe('ベトナムでの実績「エンサ下水処理場建設事業」');
    // What does not fit is listed apart, with why: the ICT package serves ICT only.
    expect(match.excluded.find((e) => e.name === 'ICT海外展開パッケージ支援事業')?.reasons[0].text).toBe('対象分野はICTで、廃棄物発電は対象外');

    const text = karte(['--db', db, 'match', waste]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('1. JCM設備補助事業  — 分野が合う（廃棄物発電）');
    expect(text.stdout).toContain('1. 横浜ウォーター株式会社  — ベトナムでの実績「水道公社への高効率ポンプの導入」');
  });

  it('does not offer the JCM subsidy for a Vietnamese postal case, and says why under what does not fit', () => {
    const match = karteJson<MatchJson>(['--db', db, 'match', postal]);
    expect(match.schemes.map((s) => s.name)).not.toContain('JCM設備補助事業');
    expect(match.schemes[0].name).toBe('ICT海外展開パッケージ支援事業');
    const jcm = match.excluded.find((e) => e.name === 'JCM設備補助事業')!;
    expect(jcm.kind).toBe('scheme');
    expect(jcm.reasons).toEqual([
      {
        code: 'sector_not_served',
        sector: 'postal',
        sectors: expect.any(Array),
        labels: ['脱炭素', '省エネ', '再エネ', '廃棄物'],
        text: '対象分野は脱炭素・省エネ・再エネ・廃棄物で、郵便は対象外',
      },
    ]);
  });

  it("prints a sector's page with its cases, schemes and members for an audience", async () => {
    const out = path.join(dir, 'waste.pdf');
    const printed = karte(['--db', db, 'sector', 'print', '廃棄物', '--audience', 'council', '--as-of', '2025-04-01', '--out', out]);
    expect(printed.status, printed.stderr).toBe(0);
    const text = (await pdfPages(out)).map(squeezed).join('');
    for (const part of [
      '協議会会員限り',
      '廃棄物発電 分野別の取組状況',
      '案件',
      '支援ツール',
      '会員企業・団体',
      'アドバイザー',
      'ベトナム 廃棄物発電: ハノイ',
      'JCM設備補助事業',
      '株式会社グーン',
      // (イ) the members' projects by region and country: the Philippine one, where no case of the sector is kept.
      '主な案件と実績（地域別）',
      'ASEAN',
      'フィリピン',
      '廃プラスチックのリサイクル事業 — 株式会社グーン（メトロセブ）',
    ]) {
      expect(text, part).toContain(squeezed(part));
    }
    const overview = karteJson<{ sector: string; schemes: Entry[] }>(['--db', db, 'sector', 'waste_to_energy']);
    expect(overview.schemes.slice(0, 2).map((s) => s.name)).toEqual(['JCM設備補助事業', '途上国向け低炭素技術イノベーション創出事業']);
  });

  // It adds records of its own: last, so the matches above stand on the demo data alone.
  it("lists in a pack's council section only the schemes and members its audience may read", () => {
    withStore(db, 'desk', (store) => {
      const member = newId();
      writeRows(store, [
        { table: 'schemes', id: newId(), values: { name: '郵便近代化調査（政府内検討中）', owner: '総務省', type: 'survey', sectors: ['postal'], scope: 'government' } },
        { table: 'organisations', id: member, values: { nameJa: '区分機工業株式会社', type: 'company', councilMember: true, scope: 'council' } },
        { table: 'offers', id: newId(), values: { organisationId: member, name: '郵便区分機', sectors: ['postal'], scope: 'council' } },
      ]);
      const pack = (audience: 'government' | 'council') =>
        buildPackInput(store, { country: 'VN', audience, lang: 'ja', asOf: '2025-04-01', sections: ['council'] }).council.find((c) => c.caseTitle === 'ベトナム 郵便: 物流')!;
      expect(pack('government').schemes.map((s) => s.name)).toContain('郵便近代化調査（政府内検討中）');
      const council = pack('council');
      expect(council.schemes.map((s) => s.name)).not.toContain('郵便近代化調査（政府内検討中）');
      expect(council.schemes.map((s) => s.name)).toContain('ICT海外展開パッケージ支援事業');
      expect(council.members[0]).toMatchObject({ name: '区分機工業株式会社', reasons: [{ code: 'offer_in_sector', offer: '郵便区分機' }] });
      expect(readRow(store, 'schemes', council.schemes[0].id)?.scope).not.toBe('government');

      // A project the member shares with the government only is on the sector's page for the government alone.
      writeRows(store, [
        {
          table: 'track_records',
          id: newId(),
          values: { organisationId: member, project: '区分機の更新（交渉中）', country: 'TH', place: 'バンコク', sectors: ['postal'], scope: 'government' },
        },
      ]);
      const projects = (audience: 'government' | 'council') => sectorOverviewView(store, 'postal', audience).countries.flatMap((c) => c.projects.map((p) => [c.place, p.project]));
      expect(projects('government')).toEqual([['TH', '区分機の更新（交渉中）']]);
      expect(projects('council')).toEqual([]);
    });
  });
});
