import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCases, updateCase } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { buildProjectReportInput } from '../../electron/services/report/project-report';
import { listSnapshots, snapshotCases, takeSnapshot } from '../../electron/services/snapshots';
import { purgeRecords, wipeSyncedData } from '../../electron/services/sync/purge';
import { karte } from '../support/cli';
import { pdfText, squeezed } from '../support/pdf';
import { demoFiles, useTempDir } from '../support/temp';

// A snapshot freezes the pipeline at a day; a later follow-up report says against it what advanced, is new, stalled
// and was dropped. It holds no text, and a purge leaves nothing of a case in it.
describe('snapshots of the pipeline', () => {
  const temp = useTempDir();

  const setUp = () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    const byTitle = (part: string) => listCases(store).find((c) => c.title.includes(part)) as ReturnType<typeof listCases>[number];
    const sorter = byTitle('区分機');
    const emoney = byTitle('金融サービス電子化');
    const peru = byTitle('ペルー 医療ICT');
    for (const c of [sorter, emoney]) updateCase(store, c.id, { project: 17 });
    return { store, sorter, emoney, peru };
  };

  it('says against a snapshot what advanced, is new, stalled and was dropped', () => {
    const { store, sorter, emoney, peru } = setUp();
    // At the end of 2017年度 the sorter was in survey, Peru's medical case not yet stuck.
    const snapshot = takeSnapshot(store, { asOf: '2018-03-31', label: '2017年度末' });
    expect(snapshot).toMatchObject({ asOf: '2018-03-31', label: '2017年度末', author: 'tester', cases: 31 });
    expect(snapshotCases(store, snapshot.id).get(sorter.id)).toEqual({ project: 17, status: 'won', phase: 'survey_demo', stuck: false });
    expect(listSnapshots(store).map((s) => s.id)).toEqual([snapshot.id]);

    // Since then: Peru's case joins ⑭ and is stuck, the e-money case is dropped.
    updateCase(store, peru.id, { project: 14 });
    updateCase(store, emoney.id, { status: 'dropped' });
    const report = buildProjectReportInput(store, { audience: 'government', lang: 'ja', since: '2018-03-31', asOf: '2021-01-01', snapshotId: snapshot.id });
    expect(report.comparedTo).toMatchObject({ label: '2017年度末' });
    const postal = report.projects.find((p) => p.project.no === 17);
    expect(postal?.cases.find((c) => c.id === sorter.id)?.sinceSnapshot).toEqual(['advanced']);
    expect(postal?.cases.find((c) => c.id === emoney.id)?.sinceSnapshot).toEqual(['dropped']);
    const medical = report.projects.find((p) => p.project.no === 14);
    expect(medical?.cases.find((c) => c.id === peru.id)?.sinceSnapshot).toEqual(['new']);

    // Unlinked since: counted apart.
    updateCase(store, sorter.id, { project: null });
    const later = buildProjectReportInput(store, { audience: 'government', lang: 'ja', since: '2018-03-31', asOf: '2021-01-01', snapshotId: snapshot.id });
    expect(later.projects.find((p) => p.project.no === 17)?.unlinked).toBe(1);
  });

  it('loses a purged case’s rows, and all of them with a revoked device’s data', () => {
    const { store, sorter } = setUp();
    const snapshot = takeSnapshot(store, { asOf: '2021-03-31', label: '2020年度末' });
    purgeRecords(store, [{ table: 'cases', rowId: sorter.id }]);
    expect(snapshotCases(store, snapshot.id).has(sorter.id)).toBe(false);
    expect(snapshotCases(store, snapshot.id).size).toBe(30);
    wipeSyncedData(store);
    expect(store.db.prepare('SELECT count(*) FROM snapshot_cases').pluck().get()).toBe(0);
    expect(listSnapshots(store)).toEqual([]);
  });

  it('is taken and compared from the command line', async () => {
    const { store } = setUp();
    const file = store.file;
    store.close();
    const taken = karte(['--db', file, 'snapshot', 'take', '--as-of', '2018-03-31', '--label', '2017年度末']);
    expect(taken.status, taken.stderr).toBe(0);
    expect(taken.stdout).toMatch(/snapshot 1 「2017年度末」 as of 2018-03-31: 31 cases/);
    expect(karte(['--db', file, 'snapshots']).stdout).toMatch(/1\s+2018-03-31\s+2017年度末\s+31/);
    const out = path.join(temp.dir(), 'compared.pdf');
    const written = karte(['--db', file, 'report', 'projects', '--snapshot', '1', '--as-of', '2021-01-01', '--audience', 'government', '--out', out]);
    expect(written.status, written.stderr).toBe(0);
    expect(squeezed(await pdfText(out))).toContain(squeezed('比較するスナップショット「2017年度末」(2018年3月31日): 前進 1、新規 0、停滞入り 0、断念 0、紐づけ解除 0'));
    const unknown = karte(['--db', file, 'report', 'projects', '--snapshot', '9', '--audience', 'government', '--out', out]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no snapshot 9/);
  });
});
