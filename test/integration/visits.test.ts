import { describe, expect, it } from 'vitest';
import { getCase, listCases } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { search } from '../../electron/services/search';
import { deleteEvent } from '../../electron/services/events';
import { writeRows } from '../../electron/services/store/store';
import { appliedChange } from '../../shared/sync/change-rules';
import { createVisit, deleteVisit, getVisit, listVisits, recordedOutcomes, recordOutcomes, updateVisit, visitCountries } from '../../electron/services/visits';
import { karte } from '../support/cli';
import { demoFiles, snapshot, useTempDir } from '../support/temp';

describe('visits', () => {
  const temp = useTempDir();
  const imported = () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    return store;
  };

  it('creates, edits and lists visits of a country in date order', () => {
    const store = imported();
    const later = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'vn', dates: '2021-05-10～2021-05-12' });
    const earlier = createVisit(store, { title: '官民ミッション', kind: 'public_private_mission', country: 'VN', dates: '2019年夏' });
    createVisit(store, { title: 'フィリピン政策対話', kind: 'policy_dialogue', country: 'PH', dates: '2020年度' });

    const delegation = [{ name: '山田太郎', title: '総務大臣', level: '大臣' }];
    const counterparts = [{ name: 'Nguyen Van A', title: 'Minister', organisation: 'MIC Vietnam' }];
    const changes = updateVisit(store, later.id.slice(0, 8), { delegation, counterparts, objectives: '郵便区分機の受注支援', asks: '入札への日本企業の参加', scope: 'government' });
    expect(changes.map((c) => c.field).sort()).toEqual(['asks', 'counterparts', 'delegation', 'objectives', 'scope']);

    const visit = getVisit(store, later.id);
    expect(visit).toMatchObject({ country: 'VN', kind: 'top_sales', delegation, counterparts, scope: 'government' });
    expect(visit.dates).toMatchObject({ precision: 'day', from: '2021-05-10', to: '2021-05-12', text: '2021-05-10～2021-05-12' });
    expect(listVisits(store, { country: 'VN' }).map((v) => v.id)).toEqual([earlier.id, later.id]);
    expect(listVisits(store)).toHaveLength(3);

    deleteVisit(store, earlier.id);
    expect(listVisits(store, { country: 'VN' }).map((v) => v.id)).toEqual([later.id]);
    expect(() => getVisit(store, earlier.id)).toThrow('has been deleted');
  });

  it('keeps a date it cannot read as written, of no known time, and refuses an unknown country', () => {
    const store = imported();
    const { id } = createVisit(store, { title: 'x', country: 'VN', dates: 'いつか' });
    expect(getVisit(store, id).dates).toMatchObject({ precision: 'unknown', text: 'いつか', sort: null });
    updateVisit(store, id, { dates: '2021年5月10日～12日' });
    expect(getVisit(store, id).dates).toMatchObject({ precision: 'day', from: '2021-05-10', to: '2021-05-12', text: '2021年5月10日～12日' });
    expect(() => createVisit(store, { title: 'x', country: 'XX' })).toThrow("unknown country code 'XX'");
  });

  it('records outcomes on the linked cases in one step, and refuses a case not linked with nothing written', () => {
    const store = imported();
    const [first, second, unlinked] = listCases(store, { country: 'VN' });
    const { id } = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021年5月', scope: 'government', caseIds: [first.id, second.id] });

    const before = snapshot(store);
    expect(() =>
      recordOutcomes(store, id, [
        { caseId: first.id, phase: 'mou_top_sales', date: '2021-05-11', text: '大臣間で協力覚書に署名' },
        { caseId: unlinked.id, phase: 'consultation', date: '2021-05-11', text: '意見交換' },
      ]),
    ).toThrow('is not linked to the visit');
    expect(snapshot(store)).toEqual(before);

    const { ids, changes } = recordOutcomes(store, id, [
      { caseId: first.id, phase: 'mou_top_sales', date: '2021-05-11', text: '大臣間で協力覚書に署名' },
      { caseId: second.id, phase: 'consultation', date: '2021年5月', text: '実証の実施に合意' },
    ]);
    expect(ids).toHaveLength(2);
    expect(new Set(changes.map((c) => c.rowId))).toEqual(new Set(ids));
    const signed = getCase(store, first.id).events.find((e) => e.text === '大臣間で協力覚書に署名')!;
    expect(signed).toMatchObject({ phase: 'mou_top_sales', source: '総務大臣ベトナム訪問', scope: 'government' });
    expect(getCase(store, second.id).events.some((e) => e.text === '実証の実施に合意')).toBe(true);
  });

  it('lists the outcomes recorded of a visit by the visit each event names, as the sync carries it', () => {
    const store = imported();
    const [first, second] = listCases(store, { country: 'VN' });
    const { id } = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021年5月', caseIds: [first.id, second.id] });
    const other = createVisit(store, { title: '官民ミッション', country: 'VN', dates: '2021年6月', caseIds: [first.id] });
    expect(recordedOutcomes(store, id)).toEqual([]);

    const { ids, changes } = recordOutcomes(store, id, [
      { caseId: second.id, phase: 'consultation', date: '2021年5月', text: '実証の実施に合意' },
      { caseId: first.id, phase: 'mou_top_sales', date: '2021-05-11', text: '大臣間で協力覚書に署名' },
    ]);
    recordOutcomes(store, other.id, [{ caseId: first.id, phase: 'consultation', date: '2021年6月', text: '企業説明会' }]);
    // Oldest first; each with its case's title for the visit's page.
    expect(recordedOutcomes(store, id).map((o) => [o.text, o.caseTitle, o.visitId])).toEqual([
      ['実証の実施に合意', second.title, id],
      ['大臣間で協力覚書に署名', first.title, id],
    ]);
    // The link is a logged field like any other, which the server takes as every replica does.
    const link = changes.find((c) => c.rowId === ids[0] && c.field === 'visitId')!;
    expect(link.value).toBe(id);
    expect(appliedChange(link)).toMatchObject({ ok: true });
    expect(appliedChange({ ...link, value: 'not-an-id' })).toMatchObject({ ok: false });

    // A deleted event, or an event of a deleted case, is no longer an outcome to list.
    deleteEvent(store, ids[0]);
    writeRows(store, [{ table: 'cases', id: first.id, values: { deleted: true } }]);
    expect(recordedOutcomes(store, id)).toEqual([]);
  });

  it('lists outcomes recorded before events named their visit by the visit title they carry as source', () => {
    const store = imported();
    const [first] = listCases(store, { country: 'VN' });
    const { id } = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021年5月', caseIds: [first.id] });
    const [eventId] = recordOutcomes(store, id, [{ caseId: first.id, phase: 'consultation', date: '2021年5月', text: '意見交換' }]).ids;
    writeRows(store, [{ table: 'events', id: eventId, values: { visitId: null } }]);
    expect(recordedOutcomes(store, id).map((o) => o.id)).toEqual([eventId]);
  });

  it('names the countries with a dossier, a case or a visit', () => {
    const store = imported();
    createVisit(store, { title: 'アイスランド訪問', country: 'IS', dates: '2022年' });
    const countries = visitCountries(store);
    expect(countries).toContain('VN');
    expect(countries).toContain('IS');
    expect(countries).not.toContain('FR');
    expect(new Set(countries).size).toBe(countries.length);
  });

  it('finds a visit by its objectives and by a delegate name', () => {
    const store = imported();
    const { id } = createVisit(store, { title: '政策対話', kind: 'policy_dialogue', country: 'VN', dates: '2022年' });
    updateVisit(store, id, { objectives: '防災情報システムの導入促進', delegation: [{ name: '佐藤花子', title: '総務副大臣', level: '副大臣' }] });
    for (const query of ['防災情報システムの導入', '佐藤花子']) {
      const hit = search(store, query).hits.find((h) => h.kind === 'visit');
      expect(hit, query).toMatchObject({ id, countries: ['VN'] });
    }
    expect(search(store, '政策対話').hits.find((h) => h.kind === 'visit')?.text).toContain('防災情報システム');
    deleteVisit(store, id);
    expect(search(store, '佐藤花子').hits).toHaveLength(0);
  });

  it('lists visits and shows one from the command line, as text or JSON', () => {
    const store = temp.store('cli.sqlite');
    const { id } = createVisit(store, { title: '官民ミッション派遣', kind: 'public_private_mission', country: 'VN', dates: '2019年夏' });
    updateVisit(store, id, { asks: '入札情報の早期共有', counterparts: [{ name: 'Nguyen Van A', title: 'Vice Minister', organisation: 'MIC' }] });
    createVisit(store, { title: 'フィリピン政策対話', country: 'PH', dates: '2020年' });
    const db = store.file;

    const list = karte(['--db', db, 'visits', '--country', 'VN']);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('官民ミッション派遣');
    expect(list.stdout).toContain('2019年夏');
    expect(list.stdout).not.toContain('フィリピン政策対話');

    const shown = karte(['--db', db, 'visit', id.slice(0, 8)]);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('要望      入札情報の早期共有');
    expect(shown.stdout).toContain('Nguyen Van A  Vice Minister  MIC');
    const json = karte(['--db', db, '--json', 'visit', id]);
    expect(JSON.parse(json.stdout)).toMatchObject({ id, kind: 'public_private_mission', asks: '入札情報の早期共有' });

    const missing = karte(['--db', db, 'visit', 'ffffffff']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("no visit with id 'ffffffff'");
  });
});
