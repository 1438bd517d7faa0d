import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addUser } from '../../server/accounts';
import { createCase, updateCase } from '../../electron/services/cases';
import { addHurdle, addIndicator, addMeasure, getPlan, saveRevision, setPeriodValues, updatePlan } from '../../electron/services/plans';
import { newId } from '../../electron/services/record-ids';
import { openStore, writeRows, type Store } from '../../electron/services/store/store';
import { login, syncOnce } from '../../electron/services/sync/client';
import { CASE_PARTS } from '../../shared/model/records';
import { startSyncServer, type TestSyncServer } from '../support/sync-server';
import { useTempDir } from '../support/temp';

// Deployment plans (展開実施プラン) through the real server: edited on two devices they end identical, and a plan goes
// only where its case goes — a council member never receives the plan of a government case, nor writes one.

const PASSWORD = 'plan-sync-password';
let server: TestSyncServer | undefined;

beforeAll(async () => {
  server = await startSyncServer();
  const ministry = await addOrganisation(server.db, '総務省', 'ministry');
  const company = await addOrganisation(server.db, '日本郵便機器株式会社', 'company');
  await addUser(server.db, { login: 'desk', orgId: ministry, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'field', orgId: ministry, role: 'editor', password: PASSWORD });
  await addUser(server.db, { login: 'firm', orgId: company, role: 'editor', password: PASSWORD });
});

afterAll(async () => {
  await server?.stop();
});

describe('deployment plans through the sync server', () => {
  const temp = useTempDir();

  async function signedIn(name: string, user: string): Promise<Store> {
    const store = openStore(path.join(temp.dir(), `${name}.sqlite`), { author: user });
    await login(store, { server: server!.url, login: user, password: PASSWORD });
    return store;
  }

  /** Every row of a case's plan tables, as stored: what two replicas must agree on. */
  function planRows(store: Store): Record<string, unknown[]> {
    return Object.fromEntries(CASE_PARTS.filter((t) => t !== 'events').map((t) => [t, store.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
  }

  function holds(store: Store, text: string): boolean {
    const files = [store.file, `${store.file}-wal`].filter((f) => fs.existsSync(f));
    return Buffer.concat(files.map((f) => fs.readFileSync(f))).includes(Buffer.from(text, 'utf8'));
  }

  it('ends identical on two devices that edited one plan offline: indicators, a period entered on both, a hurdle, revisions', async () => {
    const desk = await signedIn('desk-1', 'desk');
    const field = await signedIn('field-1', 'field');
    const caseId = createCase(desk, { title: '郵便区分機', countries: ['VN'], scope: 'government' }).id;
    await syncOnce(desk);
    await syncOnce(field);

    // Both start the case's plan offline: one plan, merged field by field.
    updatePlan(desk, caseId, { counterpartNeeds: '郵便物の増加に区分能力が追いつかない', followUpDate: null });
    updatePlan(field, caseId, { pathToOrder: '円借款の要請を経て入札', financing: [{ scheme: 'jica_loan', status: 'considering', note: '' }] });
    const capacity = addIndicator(desk, caseId, { statement: '区分処理能力', unit: '通/時', baseline: 10_000 }).id;
    const staff = addIndicator(desk, caseId, { statement: '研修を受けた技術者', level: 'output', unit: '人', cumulative: true }).id;
    setPeriodValues(desk, capacity, '2024', { target: '20,000' });
    await syncOnce(desk);
    await syncOnce(field);

    // Offline again: both enter 2024年度 of the same indicator (one record), the field adds a hurdle and a revision.
    setPeriodValues(desk, capacity, '2024年度', { revisedTarget: 18_000 });
    setPeriodValues(field, capacity, '2024', { actual: 17_500, evidence: '郵政公社の月報' });
    setPeriodValues(field, staff, '2024年度', { target: 20, actual: 12 });
    const hurdle = addHurdle(field, caseId, { description: '通関手続の遅延', counterpart: '財務省税関総局' }).id;
    addMeasure(field, hurdle, { text: '大使館から申し入れ', actor: '在ベトナム日本国大使館' });
    saveRevision(field, caseId, '2024年度当初');
    updatePlan(desk, caseId, { problem: '都市部の郵便遅配' });
    for (let round = 0; round < 2; round++) for (const store of [desk, field]) expect((await syncOnce(store)).rejected).toEqual([]);

    expect(planRows(desk)).toEqual(planRows(field));
    const view = getPlan(desk, caseId);
    expect(view.plan).toMatchObject({ counterpartNeeds: '郵便物の増加に区分能力が追いつかない', pathToOrder: '円借款の要請を経て入札', problem: '都市部の郵便遅配' });
    expect(view.indicators).toHaveLength(2);
    const read = view.indicators.find((i) => i.id === capacity)!;
    expect(read.periods).toHaveLength(1);
    expect(read.periods[0]).toMatchObject({ target: 20_000, revisedTarget: 18_000, actual: 17_500 });
    expect(read.reading).toMatchObject({ status: 'on_track', target: 18_000 });
    expect(view.hurdles.map((h) => h.measures)).toEqual([[{ text: '大使館から申し入れ', actor: '在ベトナム日本国大使館' }]]);
    expect(view.revisions.map((r) => [r.label, r.savedBy])).toEqual([['2024年度当初', 'field']]);
    expect(getPlan(field, caseId)).toEqual(view);
    desk.close();
    field.close();
  });

  it('never sends a council member the plan of a government case, even parts scoped council, and takes a plan away with its case', async () => {
    const desk = await signedIn('desk-2', 'desk');
    const firm = await signedIn('firm-2', 'firm');
    const closed = createCase(desk, { title: '消防車両', countries: ['VN'], scope: 'government' }).id;
    updatePlan(desk, closed, { scope: 'council', counterpartNeeds: '消防力強化 QZXW-needs' });
    const hidden = addIndicator(desk, closed, { statement: '出動時間 QZXW-indicator', scope: 'council' }).id;
    setPeriodValues(desk, hidden, '2024', { target: 10, comment: 'QZXW-period' });
    addHurdle(desk, closed, { description: '予算 QZXW-hurdle', scope: 'council' });
    saveRevision(desk, closed, 'QZXW-revision');

    const open = createCase(desk, { title: '郵便区分機', countries: ['VN'], scope: 'council' }).id;
    updatePlan(desk, open, { counterpartNeeds: '区分能力 PLMN-needs' });
    addIndicator(desk, open, { statement: '処理能力 PLMN-indicator' });
    await syncOnce(desk);
    await syncOnce(firm);

    for (const table of CASE_PARTS) expect(firm.db.prepare(`SELECT count(*) FROM ${table} WHERE caseId = ?`).pluck().get(closed), table).toBe(0);
    for (const text of ['QZXW-needs', 'QZXW-indicator', 'QZXW-period', 'QZXW-hurdle', 'QZXW-revision']) expect(holds(firm, text), text).toBe(false);
    expect(getPlan(firm, open).indicators.map((i) => i.statement)).toEqual(['処理能力 PLMN-indicator']);

    updateCase(desk, open, { scope: 'government' });
    await syncOnce(desk);
    await syncOnce(firm);
    for (const table of CASE_PARTS) expect(firm.db.prepare(`SELECT count(*) FROM ${table} WHERE caseId = ?`).pluck().get(open), table).toBe(0);
    for (const text of ['PLMN-needs', 'PLMN-indicator']) expect(holds(firm, text), text).toBe(false);
    desk.close();
    firm.close();
  });

  it('refuses a plan part a council member writes for a case out of its reach', async () => {
    const desk = await signedIn('desk-3', 'desk');
    const firm = await signedIn('firm-3', 'firm');
    const closed = createCase(desk, { title: '放送', countries: ['PH'], scope: 'government' }).id;
    await syncOnce(desk);
    // The firm learnt the case's id somehow and writes an indicator into it, scoped wide open.
    writeRows(firm, [{ table: 'indicators', id: newId(), values: { caseId: closed, statement: '乗っ取り', scope: 'public' } }]);
    const report = await syncOnce(firm);
    expect(report.rejected.length).toBeGreaterThan(0);
    expect(report.rejected.map((r) => r.reason)).toContain(`the indicators record's case ${closed} is out of this user's reach`);
    await syncOnce(desk);
    expect(getPlan(desk, closed).indicators).toEqual([]);
    desk.close();
    firm.close();
  });
});
