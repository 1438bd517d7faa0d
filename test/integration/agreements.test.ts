import { describe, expect, it } from 'vitest';
import { agreementCandidates, agreementsOfCase, markAgreements } from '../../electron/services/agreements';
import { openDossier } from '../../electron/services/dossiers';
import { deleteEvent, updateEvent } from '../../electron/services/events';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { buildPackInput } from '../../electron/services/pack/build-input';
import { readRow, type Store } from '../../electron/services/store/store';
import { undoStep, stepOf } from '../../electron/services/undo';
import { createVisit } from '../../electron/services/visits';
import { renderPackHtml } from '../../shared/pack/render-html';
import { appliedChange } from '../../shared/sync/change-rules';
import { demoFiles, useTempDir } from '../support/temp';

// Agreements from the timelines (issue 14, item 3): Vietnam's MoU signings are events of its cases; the app
// suggests them, a person confirms, and the one register fills the dossier's agreement list and the pack's
// 二国間の経緯 with the visits, in date order.

describe('agreements from the timelines', () => {
  const temp = useTempDir();
  const demoStore = (): Store => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    return store;
  };
  const agreementCount = (store: Store) => store.db.prepare('SELECT count(*) FROM agreements WHERE deleted = 0').pluck().get() as number;

  it("suggests Vietnam's MoU signings, in date order, with their kind and level", () => {
    const store = demoStore();
    const candidates = agreementCandidates(store, 'VN');
    const texts = candidates.map((c) => c.text);
    expect(candidates.length).toBeGreaterThanOrEqual(8);
    expect(texts).toEqual(
      expect.arrayContaining([
        '大臣間で改定覚書に署名',
        '局長間で覚書に署名',
        '副大臣間で郵便覚書に署名',
        '大臣間で覚書に署名',
        '公安省副大臣と政務官との間で覚書に署名',
        '評価局長と越副大臣とで覚書署名',
        '大臣間のICT覚書に郵便を追加',
        '覚書を大臣間に格上げ',
      ]),
    );
    // A company's 基本合意書 is business, not the bilateral record.
    expect(texts).not.toContain('日本企業とベトナム郵便間で基本合意書締結');
    const sorts = candidates.map((c) => c.date.sort ?? '');
    expect(sorts).toEqual([...sorts].sort());
    expect(candidates.find((c) => c.text === '局長間で覚書に署名')).toMatchObject({
      kind: 'mou',
      levels: ['director_general'],
      signatoryLevel: '局長間',
      parties: ['日本', 'ベトナム'],
      status: 'signed',
      agreementId: null,
    });
    expect(agreementCount(store)).toBe(0);
  });

  it('marks them as agreements linked to their events, field by field in the log the sync sends, and never twice', () => {
    const store = demoStore();
    const candidates = agreementCandidates(store, 'VN');
    const first = markAgreements(
      store,
      candidates.map((c) => ({ eventId: c.eventId })),
    );
    expect(first.created).toBe(candidates.length);
    expect(agreementCount(store)).toBe(candidates.length);
    const signing = candidates.find((c) => c.text === '大臣間で改定覚書に署名')!;
    const agreement = readRow(store, 'agreements', first.ids[candidates.indexOf(signing)])!;
    const event = readRow(store, 'events', signing.eventId)!;
    const c = readRow(store, 'cases', signing.caseId)!;
    expect(agreement).toMatchObject({
      title: '大臣間で改定覚書に署名',
      kind: 'mou',
      signatoryLevel: '大臣間',
      parties: ['日本', 'ベトナム'],
      date: event.date,
      subject: c.title,
      status: 'signed',
      countries: ['VN'],
      caseIds: [c.id],
      scope: event.scope,
      eventId: event.id,
      deleted: false,
    });
    // Every field of every new agreement is logged, as the sync pushes it, and each change is one the server takes
    // (it checks a change against the same shared schema: shared/sync/change-rules.ts).
    const logged = store.db.prepare("SELECT field, value, scope FROM changes WHERE tbl = 'agreements' AND rowId = ?").all(agreement.id) as {
      field: string;
      value: string;
      scope: string;
    }[];
    expect(logged.map((l) => l.field)).toContain('eventId');
    for (const l of logged) {
      const checked = appliedChange({
        hlc: first.changes[0].hlc,
        author: 'a',
        table: 'agreements',
        rowId: agreement.id,
        field: l.field,
        value: JSON.parse(l.value),
        scope: l.scope,
        prev: null,
      });
      expect(checked, l.field).toMatchObject({ ok: true });
    }
    expect(
      appliedChange({ hlc: first.changes[0].hlc, author: 'a', table: 'agreements', rowId: agreement.id, field: 'eventId', value: 'not an id', scope: 'council', prev: null }),
    ).toMatchObject({
      ok: false,
    });

    // Marking again, all of them or one, adds nothing and answers the same agreements.
    const again = markAgreements(store, [...candidates.map((c) => ({ eventId: c.eventId })), { eventId: signing.eventId.slice(0, 8) }]);
    expect(again).toMatchObject({ created: 0, changes: [] });
    expect(again.ids.slice(0, candidates.length)).toEqual(first.ids);
    expect(agreementCount(store)).toBe(candidates.length);
    expect(agreementCandidates(store, 'VN').every((c) => c.agreementId !== null)).toBe(true);
    expect(agreementsOfCase(store, signing.caseId).map((a) => a.eventId)).toContain(signing.eventId);
  });

  it('takes what a person says over the suggestion, and the level the event already names', () => {
    const store = demoStore();
    const candidate = agreementCandidates(store, 'VN').find((c) => c.text === '大臣間で協力推進の合意')!;
    updateEvent(store, candidate.eventId, { signatoryLevel: '大臣・副首相間' });
    const { ids } = markAgreements(store, [{ eventId: candidate.eventId, kind: 'joint_statement', parties: ['総務省', '越・情報通信省'] }]);
    expect(readRow(store, 'agreements', ids[0])).toMatchObject({ kind: 'joint_statement', parties: ['総務省', '越・情報通信省'], signatoryLevel: '大臣・副首相間' });
  });

  it("lists the marked agreements in the dossier and in the pack's 二国間の経緯, in date order with the visits", () => {
    const store = demoStore();
    const candidates = agreementCandidates(store, 'VN');
    markAgreements(
      store,
      candidates.map((c) => ({ eventId: c.eventId })),
    );
    createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2019年5月' });

    const listed = openDossier(store, 'VN').agreements;
    expect(listed).toHaveLength(candidates.length);
    const sorts = listed.map((a) => a.date.sort ?? '');
    expect(sorts).toEqual([...sorts].sort());

    const input = buildPackInput(store, { country: 'VN', audience: 'council', lang: 'ja', asOf: '2021-03-31' });
    expect(input.agreements).toHaveLength(candidates.length);
    const html = renderPackHtml(input, { fontFaceCss: '' });
    const history = /<section class="(?:page|flow)" id="history">([\s\S]*?)<\/section>/.exec(html)![1];
    const rows = [...history.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)/g)].map((m) => ({ date: m[1], kind: m[2], title: m[3] }));
    const titles = rows.map((r) => r.title);
    for (const text of ['大臣間で改定覚書に署名', '局長間で覚書に署名', '副大臣間で郵便覚書に署名', '覚書を大臣間に格上げ', '総務大臣ベトナム訪問']) expect(titles).toContain(text);
    expect(rows.find((r) => r.title === '局長間で覚書に署名')?.kind).toBe('覚書（MoU）');
    // Date order: the 2009 ICT MoU first, the visit of May 2019 after the MoU upgraded in January 2019 and before the signings of 2020.
    expect(titles[0]).toBe('大臣間のICT覚書に郵便を追加');
    const at = (title: string) => titles.indexOf(title);
    expect(at('覚書を大臣間に格上げ')).toBeLessThan(at('総務大臣ベトナム訪問'));
    expect(at('総務大臣ベトナム訪問')).toBeLessThan(at('大臣間で改定覚書に署名'));
    expect(at('副大臣間で郵便覚書に署名')).toBeLessThan(at('局長間で覚書に署名'));
  });

  it('deletes the agreement with its event, and an audience narrower than the event sees neither', () => {
    const store = demoStore();
    const candidate = agreementCandidates(store, 'VN').find((c) => c.text === '局長間で覚書に署名')!;
    const { ids } = markAgreements(store, [{ eventId: candidate.eventId }]);
    expect(buildPackInput(store, { country: 'VN', audience: 'public', lang: 'ja', asOf: '2021-03-31' }).agreements).toEqual([]);
    const deletion = deleteEvent(store, candidate.eventId);
    expect(readRow(store, 'agreements', ids[0])?.deleted).toBe(true);
    expect(openDossier(store, 'VN').agreements).toEqual([]);
    // Ctrl+Z brings both back, as one step.
    undoStep(store, stepOf(deletion));
    expect(openDossier(store, 'VN').agreements.map((a) => a.id)).toEqual(ids);
    deleteEvent(store, candidate.eventId);
    expect(markAgreements.bind(null, store, [{ eventId: candidate.eventId }])).toThrow(/deleted/);
  });
});
