// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDossier } from '../../electron/services/dossiers';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { writeRows } from '../../electron/services/store/store';
import { parseDateText } from '../../shared/dates';
import { PHASE_LABELS } from '../../shared/labels';
import { renderApp } from '../support/render-app';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import { generateKarteFiles } from '../support/karte-generator';
import { useTempDir } from '../support/temp';
import { call } from '../../renderer/api/client';

describe('dossier screen', () => {
  let backEnd: TestBackEnd;
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
  });
  afterEach(() => backEnd.close());
  const temp = useTempDir();

  it('shows the 別表 of Vietnam: one row per case, events under their phase column', async () => {
    renderApp('/dossier/VN');
    const matrix = await screen.findByRole('table', { name: '案件一覧（別表）' });
    const headers = within(matrix)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['分野', '概要', ...Object.values(PHASE_LABELS).map((l) => l.ja), '今後の方針']);
    const rows = within(matrix).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(9);

    const smartCity = rows.find((row) => within(row).queryByRole('rowheader', { name: 'スマートシティ' }))!;
    const mouColumn = headers.indexOf('覚書・トップセールス等');
    const cells = within(smartCity).getAllByRole('cell');
    // The row header is the first column, so cell i is column i + 1.
    expect(cells[mouColumn - 1].textContent).toContain('大臣間で改定覚書に署名');
    expect(cells[mouColumn - 1].textContent).toContain('2020年1月');
    // Its current phase is 調査・実証 (surveys in 2018年度 and 2019年度), and that cell is marked.
    const surveyCell = cells[headers.indexOf('調査・実証') - 1];
    expect(surveyCell.className).toContain('current');
    // The title without the country and sector the row shows; read out whole.
    const title = within(smartCity).getByRole('link', { name: 'ベトナム スマートシティ: スマートシティのKPI及び日系企業のソリューション' });
    expect(title.getAttribute('href')).toMatch(/^\/case\/[0-9a-f-]{36}$/);
    expect(title.lastChild?.textContent).toBe('スマートシティのKPI及び日系企業のソリューション');
    expect(screen.getByText('この国に関する覚書等は登録されていません。')).toBeTruthy();
  });

  it('folds the empty narrative behind 「概況を記入」, saves the overview when the field loses focus, and keeps it', async () => {
    renderApp('/dossier/VN');
    await userEvent.click(await screen.findByRole('button', { name: '概況を記入' }));
    const overview = screen.getByRole('textbox', { name: '概要' });
    // Opened, every field shows and the first empty one has the focus.
    expect(screen.getAllByRole('textbox')).toHaveLength(4);
    expect(document.activeElement).toBe(overview);
    await userEvent.click(overview);
    await userEvent.type(overview, '越は2045年までの高所得国入りを目指す');
    // Nothing is written while typing.
    expect(openDossier(backEnd.store, 'VN').dossier?.overview ?? '').toBe('');
    await userEvent.tab();
    await screen.findByText('保存しました');
    expect(openDossier(backEnd.store, 'VN').dossier?.overview).toBe('越は2045年までの高所得国入りを目指す');
    const fresh = (await call('dossier.get', { country: 'VN' })) as { dossier: { overview: string } };
    expect(fresh.dossier.overview).toBe('越は2045年までの高所得国入りを目指す');
    expect((screen.getByRole('textbox', { name: '概要' }) as HTMLTextAreaElement).value).toBe('越は2045年までの高所得国入りを目指す');
  });

  it('lists the agreements of the country', async () => {
    writeRows(backEnd.store, [
      {
        table: 'agreements',
        id: '0f0e0d0c-0b0a-4908-8706-050403020100',
        values: {
          title: '情報通信分野における協力に関する覚書',
          kind: 'mou',
          parties: ['総務省', '越・情報通信省'],
          signatoryLevel: '大臣間',
          date: parseDateText('2020年1月')!,
          status: 'upgraded',
          countries: ['VN', 'PH'],
        },
      },
    ]);
    renderApp('/dossier/VN');
    const title = await screen.findByText('情報通信分野における協力に関する覚書');
    const row = title.closest('tr')!;
    expect(row.textContent).toContain('覚書（MoU）');
    expect(row.textContent).toContain('格上げ');
    expect(row.textContent).toContain('総務省、越・情報通信省');
    expect(within(row).getByText('2020年1月')).toBeTruthy();
  });

  it('builds only the rows near view of a dossier too large to build at once, every case reachable by scroll', async () => {
    const files = generateKarteFiles({ seed: 3, countries: 1, cases: 150, events: 600, focus: { iso2: 'TH', cases: 150, events: 600 } }).map((table, i) => {
      const file = path.join(temp.dir(), `t${i}.json`);
      fs.writeFileSync(file, JSON.stringify(table));
      return file;
    });
    importKarteFiles(backEnd.store, files);
    // jsdom lays nothing out: the window is 768px high (jsdom's default) and every row 110px.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(110);
    try {
      renderApp('/dossier/TH');
      const matrix = await screen.findByRole('table', { name: '案件一覧（別表）' });
      expect(matrix.getAttribute('aria-rowcount')).toBe('151');
      expect(screen.getByText('150件')).toBeTruthy();
      const shownRows = () => within(matrix).getAllByRole('row').slice(1);
      const rowIndexes = () => shownRows().map((row) => Number(row.getAttribute('aria-rowindex')));
      // The seven rows the window shows and three below, from the first case on.
      expect(rowIndexes()).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

      // The page scrolls, not a box of the matrix's own.
      window.scrollY = 110 * 145;
      fireEvent.scroll(window);
      await waitFor(() => expect(rowIndexes().at(-1)).toBe(151));
      expect(shownRows().length).toBeLessThan(15);
    } finally {
      window.scrollY = 0;
      vi.restoreAllMocks();
    }
  });
});
