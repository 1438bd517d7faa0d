import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCouncilFiles, importJsonFiles } from '../../electron/services/import/council-import';
import { ImportError } from '../../electron/services/import/karte-import';
import type { Store } from '../../electron/services/store/store';
import { decodeRow } from '../../electron/services/store/tables';
import { DEMO_DIR, demoFiles, snapshot, useTempDir } from '../support/temp';

const SCHEMES = path.join(DEMO_DIR, 'council', 'support-schemes.json');
const TRACK_RECORDS = path.join(DEMO_DIR, 'council', 'track-records.json');

function councilSnapshot(store: Store) {
  const tables = ['schemes', 'track_records', 'organisations', 'changes'];
  return Object.fromEntries(tables.map((t) => [t, store.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]));
}

function rows<T extends 'schemes' | 'track_records' | 'organisations'>(store: Store, table: T) {
  return (store.db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).map((raw) => decodeRow(table, raw));
}

describe('council import (support schemes, track records)', () => {
  const temp = useTempDir();

  it('imports the two source files as they are: 12 schemes, 9 track records, 8 member companies', () => {
    const store = temp.store();
    const report = importCouncilFiles(store, [TRACK_RECORDS, SCHEMES]);
    expect(report).toMatchObject({ files: 2, schemesAdded: 12, trackRecordsAdded: 9, membersAdded: 8, schemesKept: 0, trackRecordsKept: 0 });

    const jcm = rows(store, 'schemes').find((s) => s.name === 'JCM設備補助事業')!;
    expect(jcm).toMatchObject({
      owner: '環境省',
      type: 'subsidy',
      stages: ['事業化'],
      phases: ['order_management'],
      sectorLabels: ['脱炭素', '省エネ', '再エネ', '廃棄物'],
      sectors: ['waste_to_energy', 'decarbonisation'],
      countries: [],
      countriesText: 'JCMパートナー国（2022年12月時点 25か国で227件採択）',
      source: '環境省 JPRSI/JCM; 横浜市 Y-PORT',
      scope: 'public',
    });
    expect(jcm.budget).toContain('171億円');

    const members = rows(store, 'organisations');
    expect(members).toHaveLength(8);
    const water = members.find((o) => o.nameJa === '横浜ウォーター株式会社')!;
    expect(water).toMatchObject({ type: 'company', councilMember: true, location: '横浜市中区', size: 'unknown' });
    expect(members.find((o) => o.nameJa === 'JFEエンジニアリング株式会社')).toMatchObject({ size: 'large', location: '横浜市鶴見区' });

    const records = rows(store, 'track_records');
    const danang = records.find((r) => r.organisationId === water.id)!;
    expect(danang).toMatchObject({ country: 'VN', place: 'ダナン', category: 'JCM設備補助事業', schemeId: jcm.id, sectors: ['water'], relatedCaseId: null });
    const yusa = records.filter((r) => r.category === 'YUSA');
    expect(yusa).toHaveLength(2);
    expect(new Set(yusa.map((r) => r.organisationId)).size).toBe(1);
    expect(yusa.every((r) => r.schemeId === null)).toBe(true);
    const goon = records.find((r) => r.project === '廃プラスチックのリサイクル事業')!;
    expect(goon.schemeId).toBe(rows(store, 'schemes').find((s) => s.name === '途上国向け低炭素技術イノベーション創出事業')!.id);
  });

  it('adds nothing when the files are imported again', () => {
    const store = temp.store();
    importCouncilFiles(store, [SCHEMES, TRACK_RECORDS]);
    const before = councilSnapshot(store);
    const again = importCouncilFiles(store, [SCHEMES, TRACK_RECORDS]);
    expect(again).toMatchObject({ schemesAdded: 0, trackRecordsAdded: 0, membersAdded: 0, schemesKept: 12, trackRecordsKept: 9 });
    expect(councilSnapshot(store)).toEqual(before);
  });

  it('takes the council files beside karte JSON tables in one run, told apart by their shape', () => {
    const store = temp.store();
    const report = importJsonFiles(store, [demoFiles()[0], SCHEMES, TRACK_RECORDS]);
    expect(report.files).toBe(3);
    expect(report.casesAdded).toBeGreaterThan(0);
    expect(report).toMatchObject({ schemesAdded: 12, trackRecordsAdded: 9 });
  });

  it('refuses a broken file naming the file, record and field, and changes nothing', () => {
    const store = temp.store();
    importJsonFiles(store, [demoFiles()[0]]);
    const before = { ...snapshot(store), ...councilSnapshot(store) };
    const broken = path.join(temp.dir(), 'track-records-broken.json');
    const data = JSON.parse(fs.readFileSync(TRACK_RECORDS, 'utf8'));
    data.records[3].country_iso2 = 'XX';
    delete data.records[5].project;
    fs.writeFileSync(broken, JSON.stringify(data));
    try {
      importCouncilFiles(store, [SCHEMES, broken]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problems).toMatchObject([{ file: 'track-records-broken.json', where: 'records[5].project', code: 'invalid' }]);
      expect((error as Error).message).toMatch(/track-records-broken\.json: records\[5\]\.project: /);
    }
    data.records[5].project = '事業';
    fs.writeFileSync(broken, JSON.stringify(data));
    expect(() => importCouncilFiles(store, [SCHEMES, broken])).toThrow(/track-records-broken\.json: records\[3\]\.country_iso2: 'XX' is not an ISO 3166-1 country code/);
    expect({ ...snapshot(store), ...councilSnapshot(store) }).toEqual(before);
  });

  it('refuses a scheme of a type it does not know, by record and field', () => {
    const store = temp.store();
    const broken = path.join(temp.dir(), 'schemes.json');
    const data = JSON.parse(fs.readFileSync(SCHEMES, 'utf8'));
    data.schemes[2].type = 'donation';
    fs.writeFileSync(broken, JSON.stringify(data));
    expect(() => importCouncilFiles(store, [broken, TRACK_RECORDS])).toThrow(/schemes\.json: schemes\[2\]\.type: /);
    expect(rows(store, 'track_records')).toHaveLength(0);
  });
});
