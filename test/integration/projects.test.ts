import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseSummary, ProjectDetail, ProjectSummary } from '../../shared/views';
import { karte, karteJson } from '../support/cli';
import { demoFiles, useTempDir } from '../support/temp';

describe('karte projects', () => {
  const temp = useTempDir();

  it('lists all 20, shows Vietnam’s postal cases under ⑰ once linked, and unlinks them', () => {
    const db = path.join(temp.dir(), 'projects.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    const before = karteJson<ProjectSummary[]>(['--db', db, 'projects']);
    expect(before).toHaveLength(20);
    const postal = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', '郵便']);
    expect(postal).toHaveLength(2);
    // Suggested by sector and country, linked only when a person says so.
    expect(
      before
        .find((p) => p.no === 17)
        ?.suggested.map((c) => c.id)
        .sort(),
    ).toEqual(postal.map((c) => c.id).sort());
    expect(before.find((p) => p.no === 17)?.cases).toEqual([]);

    for (const [i, c] of postal.entries()) expect(karte(['--db', db, 'case', 'set', c.id.slice(0, 8), 'project', i === 0 ? '17' : '⑰']).status).toBe(0);
    const after = karteJson<ProjectSummary[]>(['--db', db, 'projects']);
    const seventeen = after.find((p) => p.no === 17) as ProjectSummary;
    expect(seventeen.cases.map((c) => c.id).sort()).toEqual(postal.map((c) => c.id).sort());
    expect(seventeen.cases.every((c) => c.project === 17 && c.currentPhase === 'order_management')).toBe(true);
    expect(seventeen.suggested).toEqual([]);
    expect(karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN']).filter((c) => c.project === 17)).toHaveLength(2);

    const detail = karteJson<ProjectDetail>(['--db', db, 'project', '17']);
    expect(detail).toMatchObject({ no: 17, mark: '⑰', sector: '郵便' });
    expect(detail.policy).toMatch(/電子マネー/);
    expect(detail.cases).toHaveLength(2);
    expect(karte(['--db', db, 'project', '17']).stdout).toMatch(/linked cases \(2\)/);

    expect(karte(['--db', db, 'case', 'set', postal[0].id, 'project', 'none']).status).toBe(0);
    expect(karteJson<ProjectDetail>(['--db', db, 'project', '17']).cases.map((c) => c.id)).toEqual([postal[1].id]);
  });

  it('refuses a project that is not one of the 20', () => {
    const db = path.join(temp.dir(), 'refused.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    const [c] = karteJson<CaseSummary[]>(['--db', db, 'cases', '--country', 'VN', '--sector', '5G']);
    const refused = karte(['--db', db, 'case', 'set', c.id, 'project', '21']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/not one of the 20 priority projects/);
    expect(karte(['--db', db, 'project', '0']).status).toBe(2);
  });
});
