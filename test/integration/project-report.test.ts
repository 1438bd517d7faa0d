import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIORITY_PROJECTS } from '../../shared/reference/priority-projects';
import type { CaseSummary } from '../../shared/views';
import { karte, karteJson } from '../support/cli';
import { pdfPages, squeezed } from '../support/pdf';
import { demoFiles, useTempDir } from '../support/temp';

// The follow-up report of the 20 priority projects, as `karte report projects` writes it, read back with pdf.js.
describe('karte report projects', () => {
  const temp = useTempDir();

  it('holds all 20 projects, says what moved since the chosen date for each, and prints nothing above its audience', async () => {
    const db = path.join(temp.dir(), 'report.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    const [sorter, emoney] = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', '郵便']).sort((a, b) => a.title.localeCompare(b.title));
    for (const c of [sorter, emoney]) expect(karte(['--db', db, 'case', 'set', c.id, 'project', '17']).status).toBe(0);
    // One of them is for government staff only, and a person put it on hold.
    expect(karte(['--db', db, 'case', 'set', emoney.id, 'scope', 'government']).status).toBe(0);
    expect(karte(['--db', db, 'case', 'set', sorter.id, 'status', 'on_hold']).status).toBe(0);

    const write = async (audience: string) => {
      const out = path.join(temp.dir(), `report-${audience}.pdf`);
      const written = karte(['--db', db, 'report', 'projects', '--since', '2018-01-01', '--as-of', '2021-01-01', '--audience', audience, '--out', out]);
      expect(written.status, written.stderr).toBe(0);
      return (await pdfPages(out)).map(squeezed);
    };
    const government = await write('government');
    const text = government.join('');
    for (const p of PRIORITY_PROJECTS) expect(text, `${p.mark} ${p.sector}`).toContain(squeezed(`${p.mark} ${p.sector}`));
    expect(government[0]).toContain('政府関係機関限り');
    // ⑰: both cases, the sorter's 2018 order and its move from survey to order, and its status set since.
    expect(text).toContain(squeezed('ホーチミン新区分センターの区分機を日本企業が受注'));
    expect(text).toContain(squeezed('調査・実証 → 受注・管理'));
    expect(text).toContain(squeezed('状況: 保留'));
    expect(text).toContain(squeezed(emoney.title));
    // The e-money service started in 2017年4月: before the chosen date, so it did not move since.
    expect(text).not.toContain(squeezed('サービス開始'));
    // The summary's contents give each project the page its section starts on.
    const summary = government[1];
    const postalPage = government.findIndex((page, i) => i > 1 && page.includes(squeezed('⑰ 郵便対象国')));
    expect(postalPage).toBeGreaterThan(1);
    expect(summary).toMatch(new RegExp(`⑰郵便\\D*${postalPage + 1}`));

    const council = (await write('council')).join('');
    expect(council).toContain('協議会会員限り');
    expect(council).toContain(squeezed(sorter.title));
    expect(council).not.toContain(squeezed(emoney.title));
  });

  it('refuses a date that is not a day, and since after the report’s day', () => {
    const db = path.join(temp.dir(), 'refused.sqlite');
    const out = path.join(temp.dir(), 'x.pdf');
    const refused = karte(['--db', db, 'report', 'projects', '--since', '2018-13-01', '--audience', 'council', '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/since/);
    const reversed = karte(['--db', db, 'report', 'projects', '--since', '2021-02-01', '--as-of', '2021-01-01', '--audience', 'council', '--out', out]);
    expect(reversed.status).toBe(1);
    expect(reversed.stderr).toMatch(/after the report's day/);
  });
});
