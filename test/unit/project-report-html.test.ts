import { describe, expect, it } from 'vitest';
import { parseDateText, type KarteDate } from '../../shared/dates';
import { PRIORITY_PROJECTS } from '../../shared/reference/priority-projects';
import { projectReportRunningHeader, renderProjectReportHtml, type ProjectReportInput } from '../../shared/report/project-report';

const day = (text: string) => parseDateText(text) as KarteDate;
const MARKUP = '<img src=x onerror="alert(1)">';

function input(): ProjectReportInput {
  return {
    lang: 'ja',
    audience: 'council',
    asOf: day('2021-03-31'),
    since: day('2020-04-01'),
    comparedTo: null,
    projects: PRIORITY_PROJECTS.map((project) => ({
      project,
      cases:
        project.no === 17
          ? [
              {
                id: 'c1',
                title: `${MARKUP} 郵便`,
                countries: ['VN'],
                status: 'active',
                currentPhase: 'survey_demo',
                phaseAtSince: 'consultation',
                isNew: false,
                statusSince: null,
                lastEvent: '2020-06',
                stuck: false,
                longWithoutOrder: true,
                sinceSnapshot: [],
              },
            ]
          : [],
      unlinked: 0,
      moved: project.no === 17 ? [{ caseTitle: `${MARKUP} 郵便`, phase: 'survey_demo', date: day('2020年6月'), text: `実証開始 ${MARKUP}` }] : [],
    })),
  };
}

describe('the follow-up report of the 20 projects as HTML', () => {
  const html = renderProjectReportHtml(input(), { fontFaceCss: '' });

  it('prints record text as typed, never as markup', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; 郵便');
  });

  it('has a section per project, linked from the summary, and the audience on every page', () => {
    for (const p of PRIORITY_PROJECTS) expect(html).toContain(`id="project-${p.no}"`);
    expect(html.match(/<a href="#project-\d+">/g)).toHaveLength(20);
    expect(projectReportRunningHeader(input())).toEqual({ title: '「20(にいまる)」プロジェクト フォローアップ報告（2021年3月31日時点）', marking: '協議会会員限り' });
    expect(html).toContain('@top-right { content: "協議会会員限り"');
  });

  it('says how each case moved: its phase then and now, and its flags', () => {
    expect(html).toContain('実務協議等 → 調査・実証、長期未受注');
  });
});
