import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDossier } from '../../electron/services/dossiers';
import { addHurdle, addIndicator, addMeasure, setPeriodValues, updateHurdle, updatePlan } from '../../electron/services/plans';
import { dateOf } from '../../electron/services/events';
import { karte } from '../support/cli';
import { pdfPageImage, pdfPages, pdfText, squeezed } from '../support/pdf';
import { demoFiles, useTempDir } from '../support/temp';

// The deployment plan section (展開実施プラン) of a briefing pack, printed by the command line through the real back
// end: the plan's fields, its indicators against their targets, its open hurdles, each part only where fit for the
// audience.

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts/pack');

describe('the deployment plan section of a pack', () => {
  const temp = useTempDir();

  /** The demo data with a plan written for Vietnam's postal sorting case, some of it narrower than the council. */
  function plannedDb() {
    const db = path.join(temp.dir(), 'plan.sqlite');
    const imported = karte(['--db', db, 'import', ...demoFiles()]);
    expect(imported.status, imported.stderr).toBe(0);
    const store = temp.store(path.basename(db));
    const postal = openDossier(store, 'VN').cases.find((c) => c.case.summary === '区分機')!.case;
    updatePlan(store, postal.id, {
      counterpartNeeds: 'ホーチミン市の郵便物増加に区分能力が追いつかない',
      pathToOrder: '次期入札に向けVNPostと仕様を協議',
      problem: '手作業区分による配達遅延',
      partners: [{ name: '日本郵便', origin: 'domestic', organisation: '日本郵便株式会社', role: '運用ノウハウ' }],
      financing: [
        { scheme: 'jica_loan', status: 'considering', note: '円借款の対象化を打診' },
        { scheme: 'jbic', status: 'applied', note: '' },
      ],
      followUpDate: dateOf('2026年10月'),
    });
    const capacity = addIndicator(store, postal.id, { statement: '区分センターの処理能力', level: 'output', unit: '通/時', baseline: 10_000 }).id;
    setPeriodValues(store, capacity, '2024', { target: 20_000, actual: 19_000 });
    setPeriodValues(store, capacity, '2025', { target: 30_000, revisedTarget: 25_000, actual: 21_000 });
    const delay = addIndicator(store, postal.id, { statement: '配達遅延の割合', level: 'outcome', measure: 'percent', direction: 'lower', unit: '%', baseline: 12 }).id;
    setPeriodValues(store, delay, '2024', { target: 8, actual: 11 });
    // A later period the government may see but the council may not: its actual would put the indicator on track.
    setPeriodValues(store, delay, '2025', { target: 8, actual: 7.5, comment: '政府限りの速報値', scope: 'government' });
    const revenue = addIndicator(store, postal.id, { statement: '組織内限りの収益見込', level: 'impact', unit: '億円', scope: 'internal' }).id;
    setPeriodValues(store, revenue, '2024', { target: 50, actual: 40 });
    const tender = addHurdle(store, postal.id, { description: '入札制度の変更で外資参加要件が厳格化', since: dateOf('2024年'), counterpart: '越・情報通信省' }).id;
    addMeasure(store, tender, { text: '大臣レベルで要件緩和を要請', actor: '総務省国際戦略局' });
    addHurdle(store, postal.id, { description: '政府限りの調整事項', scope: 'government' });
    const resolved = addHurdle(store, postal.id, { description: '解消済みの為替問題' }).id;
    updateHurdle(store, resolved, { status: 'resolved' });
    return { db, postal };
  }

  const pack = (db: string, name: string, args: string[]) => {
    const out = path.join(temp.dir(), name);
    const result = karte(['--db', db, 'pack', '--country', 'VN', ...args, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    return out;
  };

  it('prints the plan of a case with its fields, indicators against their latest targets and open hurdles, nothing above the council', async () => {
    const { db, postal } = plannedDb();
    const out = pack(db, 'council.pdf', ['--audience', 'council', '--sections', 'cases,plan', '--cases', postal.id]);
    const pages = await pdfPages(out);
    const planPage = pages.findIndex((page) => page.includes('展開実施プラン') && page.includes('指標の状況'));
    expect(planPage).toBeGreaterThan(1);
    const text = squeezed(pages.slice(planPage).join('\n'));
    for (const expected of [
      '展開実施プラン',
      '相手国の状況・ニーズホーチミン市の郵便物増加に区分能力が追いつかない',
      '受注に至る過程次期入札に向けVNPostと仕様を協議',
      '解決すべき課題手作業区分による配達遅延',
      '日本郵便（国内、日本郵便株式会社）:運用ノウハウ',
      'JICA円借款:検討（円借款の対象化を打診）',
      'JBIC:申請',
      '次回フォローアップ:2026年10月',
      // Level, statement, unit, baseline, the period read, its target revised beside the original, actual, status.
      'アウトプット区分センターの処理能力通/時10,0002025年度30,000→25,00021,000要注意',
      'アウトカム配達遅延の割合%122024年度811遅延',
      '外的事情（対応中）',
      '入札制度の変更で外資参加要件が厳格化（2024年から、相手方:越・情報通信省）',
      '対応:大臣レベルで要件緩和を要請（総務省国際戦略局）',
    ]) {
      expect(text, expected).toContain(squeezed(expected));
    }
    // The plan stands as its worst printed indicator.
    expect(text).toContain('指標の状況:遅延');
    for (const hidden of ['組織内限りの収益見込', '億円', '政府限りの調整事項', '7.5', '解消済みの為替問題']) expect(text, hidden).not.toContain(hidden);
    expect(squeezed(pages.join('\n'))).not.toContain('組織内限りの収益見込');
    // The contents list the section.
    expect(squeezed(pages[1])).toContain('展開実施プラン');

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const { png, inkedShare } = await pdfPageImage(out, planPage + 1, 100);
    fs.writeFileSync(path.join(ARTIFACTS, 'plan-council.png'), png);
    expect(inkedShare).toBeGreaterThan(0.01);

    // The government sees its period and hurdle (the delay indicator then on track), still not the internal indicator.
    const government = squeezed(await pdfText(pack(db, 'government.pdf', ['--audience', 'government', '--sections', 'plan', '--cases', postal.id])));
    expect(government).toContain(squeezed('アウトカム配達遅延の割合%122025年度87.5順調'));
    expect(government).toContain('政府関係機関限り');
    expect(government).toContain('政府限りの調整事項');
    expect(government).not.toContain('組織内限りの収益見込');
    const internal = squeezed(await pdfText(pack(db, 'internal.pdf', ['--audience', 'internal', '--sections', 'plan', '--cases', postal.id])));
    expect(internal).toContain(squeezed('インパクト組織内限りの収益見込億円—2024年度5040要注意'));
  });

  it('prints in English, leaves the section out unless asked for, and leaves it out when no plan is fit for the audience', async () => {
    const { db, postal } = plannedDb();
    const en = squeezed(await pdfText(pack(db, 'en.pdf', ['--audience', 'council', '--lang', 'en', '--sections', 'plan', '--cases', postal.id])));
    for (const expected of [
      'Deployment plans',
      'Indicator status: Off track',
      'Next follow-up: Oct 2026',
      'JICA loan: Considering',
      'FY2025',
      '30,000 → 25,000',
      'At risk',
      'Open external hurdles',
    ]) {
      expect(en, expected).toContain(squeezed(expected));
    }
    expect(en).not.toContain('組織内限りの収益見込');

    // Off by default: a pack asked for without sections prints none.
    expect(squeezed(await pdfText(pack(db, 'default.pdf', ['--audience', 'council', '--cases', postal.id])))).not.toContain('展開実施プラン');

    // Narrowing the plan narrows its parts with it: nothing of it is left for the council.
    const store = temp.store(path.basename(db));
    updatePlan(store, postal.id, { scope: 'government' });
    const council = squeezed(await pdfText(pack(db, 'narrowed.pdf', ['--audience', 'council', '--sections', 'plan', '--cases', postal.id])));
    // The section has nothing to say and is left out.
    expect(council).not.toContain('展開実施プラン');
    expect(council).not.toContain('区分センターの処理能力');
  });
});
