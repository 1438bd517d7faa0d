// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addHurdle, addIndicator, getPlan, saveRevision, setPeriodValues, setPlanField, updatePlan } from '../../electron/services/plans';
import { renderApp } from '../support/render-app';
import { useDemoCase } from '../support/demo-case';

// The deployment plan (展開実施プラン) on the case page, through the real back end: fields edited in place, an
// indicator with a period's values and its status, a hurdle with a measure, a revision compared with the plan.

describe('deployment plan on the case page', () => {
  const demo = useDemoCase();

  const renderPlan = async (path = `/case/${demo.caseId}`) => {
    renderApp(path);
    return screen.findByRole('region', { name: '展開実施プラン' });
  };
  const stored = () => getPlan(demo.backEnd.store, demo.caseId);

  it('starts the plan by writing a field in place, asks for the reasons it lacks, and marks an overdue follow-up', async () => {
    const plan = await renderPlan();
    expect(within(plan).getByText('この案件にはまだプランがありません。いずれかの項目を記入すると作成されます。')).toBeTruthy();
    const needs = within(plan).getByRole('textbox', { name: '相手国の状況・ニーズ' });
    await userEvent.type(needs, 'ダナン市で交通渋滞と浸水が深刻');
    expect(stored().plan).toBeNull();
    await userEvent.tab();
    await waitFor(() => expect(stored().plan?.counterpartNeeds).toBe('ダナン市で交通渋滞と浸水が深刻'));

    // An empty plan asks why it has no indicators and no hurdles.
    expect(await within(plan).findByText('指標がありません。指標を追加するか、設定しない理由を記入してください。')).toBeTruthy();
    expect(within(plan).getByText('外的事情が記入されていません。外的事情を追加するか、ない理由を記入してください。')).toBeTruthy();
    await userEvent.type(within(plan).getByRole('textbox', { name: '外的事情がない理由' }), '現時点で把握している外的事情はない');
    await userEvent.tab();
    await waitFor(() => expect(within(plan).queryByText(/外的事情が記入されていません/)).toBeNull());
    expect(stored().missingReasons).toEqual(['indicators']);

    const followUp = within(plan).getByRole('textbox', { name: 'フォローアップ期限' });
    await userEvent.type(followUp, '2020年4月{Enter}');
    expect(await within(plan).findByText('フォローアップ期限超過')).toBeTruthy();
    expect(stored().followUpOverdue).toBe(true);
  });

  it('adds partners and financing options as small lists', async () => {
    const plan = await renderPlan();
    const partners = within(plan).getByRole('form', { name: 'パートナーを追加' });
    await userEvent.type(within(partners).getByRole('textbox', { name: '名称' }), 'A社');
    await userEvent.type(within(partners).getByRole('textbox', { name: '役割' }), '交通管制システム{Enter}');
    await waitFor(() => expect(stored().plan?.partners).toEqual([{ name: 'A社', origin: 'domestic', organisation: '', role: '交通管制システム' }]));
    await userEvent.selectOptions(within(plan).getByRole('combobox', { name: '国内／海外（A社）' }), 'foreign');
    await waitFor(() => expect(stored().plan?.partners[0].origin).toBe('foreign'));

    const financing = within(plan).getByRole('form', { name: '資金スキームを追加' });
    await userEvent.selectOptions(within(financing).getByRole('combobox', { name: 'スキーム' }), 'jbic');
    await userEvent.selectOptions(within(financing).getByRole('combobox', { name: '申請状況' }), 'applied');
    await userEvent.click(within(financing).getByRole('button', { name: '追加' }));
    await waitFor(() => expect(stored().plan?.financing).toEqual([{ scheme: 'jbic', status: 'applied', note: '' }]));
    expect(await within(plan).findByRole('combobox', { name: '申請状況（JBIC）' })).toBeTruthy();
  });

  it('adds an indicator and a period’s values, shows its status, and keeps the original target beside a revised one', async () => {
    const plan = await renderPlan();
    await userEvent.click(within(plan).getByRole('button', { name: '＋ 指標を追加' }));
    const form = within(plan).getByRole('form', { name: '指標を追加' });
    await userEvent.type(within(form).getByRole('textbox', { name: '指標' }), 'スマート交通信号の導入交差点数');
    await userEvent.type(within(form).getByRole('textbox', { name: '単位' }), '箇所');
    await userEvent.type(within(form).getByRole('textbox', { name: 'ベースライン' }), '0');
    await userEvent.click(within(form).getByRole('button', { name: '追加' }));
    const row = (await within(plan).findByRole('rowheader', { name: /スマート交通信号の導入交差点数/ })).closest('tr')!;
    expect(within(row).getByText('データなし')).toBeTruthy();

    await userEvent.click(within(row).getByRole('button', { name: '期間の値を入力: スマート交通信号の導入交差点数' }));
    const period = within(plan).getByRole('form', { name: '期間の値: スマート交通信号の導入交差点数' });
    await userEvent.type(within(period).getByRole('textbox', { name: '期間' }), '2024');
    await userEvent.type(within(period).getByRole('textbox', { name: '目標' }), '1,000');
    await userEvent.type(within(period).getByRole('textbox', { name: '実績' }), '800{Enter}');
    // 200 short of 1,000: 20 %, more than 15 % and at most 30 %.
    await waitFor(() => expect(within(row).getByText('要注意')).toBeTruthy());
    const cell = within(row).getByRole('button', { name: '2024年度の値を編集: スマート交通信号の導入交差点数' });
    expect(cell.textContent).toBe('目標 1,000箇所実績 800箇所');
    const indicator = stored().indicators[0];
    expect(indicator.periods[0]).toMatchObject({ period: { precision: 'fiscal_year', sort: '2024-04' }, target: 1000, actual: 800 });

    // A revised target sits beside the original, which stays; the status is read against the revised one.
    await userEvent.click(cell);
    const edit = within(plan).getByRole('form', { name: '2024年度の値: スマート交通信号の導入交差点数' });
    await userEvent.type(within(edit).getByRole('textbox', { name: '改訂目標' }), '900{Enter}');
    await waitFor(() => expect(within(row).getByText('順調')).toBeTruthy());
    expect(within(row).getByRole('button', { name: /2024年度の値を編集/ }).textContent).toBe('目標 1,000箇所改訂 900箇所実績 800箇所');
    expect(stored().indicators[0].periods[0]).toMatchObject({ target: 1000, revisedTarget: 900, actual: 800 });
    // The plan stands as its worst indicator.
    expect(within(plan).getByLabelText('プランの状況: 順調')).toBeTruthy();
  });

  it('refuses a value that is not a number, in words of the screen', async () => {
    const { id } = addIndicator(demo.backEnd.store, demo.caseId, { statement: '導入都市数' });
    setPeriodValues(demo.backEnd.store, id, '2023', { target: 3 });
    const plan = await renderPlan();
    await userEvent.click(within(plan).getByRole('button', { name: '2023年度の値を編集: 導入都市数' }));
    const edit = within(plan).getByRole('form', { name: '2023年度の値: 導入都市数' });
    await userEvent.type(within(edit).getByRole('textbox', { name: '実績' }), 'たくさん{Enter}');
    const alert = (await within(edit).findByRole('alert')).textContent;
    expect(alert).toMatch(/^保存できませんでした。/);
    expect(alert).toMatch(/「実績」の「たくさん」は数値として読めません。1,200 や 85% のように/);
    expect(stored().indicators[0].periods[0].actual).toBeNull();
  });

  it('adds a hurdle with a measure, and resolves it', async () => {
    const plan = await renderPlan();
    await userEvent.click(within(plan).getByRole('button', { name: '＋ 外的事情を追加' }));
    const form = within(plan).getByRole('form', { name: '外的事情を追加' });
    await userEvent.type(within(form).getByRole('textbox', { name: '内容' }), '相手国の予算措置の遅れ');
    await userEvent.type(within(form).getByRole('textbox', { name: '発生時期' }), '2023年4月');
    await userEvent.type(within(form).getByRole('textbox', { name: '相手方' }), '建設省{Enter}');
    const hurdle = await within(plan).findByRole('listitem', { name: '相手国の予算措置の遅れ' });
    expect(within(hurdle).getByText('対応中')).toBeTruthy();
    expect((within(hurdle).getByRole('textbox', { name: '発生時期' }) as HTMLInputElement).value).toBe('2023年4月');

    const measure = within(hurdle).getByRole('form', { name: '対応策を追加: 相手国の予算措置の遅れ' });
    await userEvent.type(within(measure).getByRole('textbox', { name: '対応策' }), '政策対話で要請');
    await userEvent.type(within(measure).getByRole('textbox', { name: '実施者' }), '総務省{Enter}');
    expect(await within(hurdle).findByText('→ 政策対話で要請')).toBeTruthy();

    await userEvent.click(within(hurdle).getByRole('button', { name: '解消にする: 相手国の予算措置の遅れ' }));
    await waitFor(() => expect(within(hurdle).getByText('解消')).toBeTruthy());
    expect(stored().hurdles[0]).toMatchObject({
      description: '相手国の予算措置の遅れ',
      counterpart: '建設省',
      status: 'resolved',
      measures: [{ text: '政策対話で要請', actor: '総務省' }],
    });
  });

  it('saves a revision with a label and compares it with the plan as it stands, side by side', async () => {
    updatePlan(demo.backEnd.store, demo.caseId, { problem: '交通渋滞' });
    const plan = await renderPlan();
    const save = within(plan).getByRole('form', { name: '改訂として保存' });
    await userEvent.type(within(save).getByRole('textbox', { name: '改訂のラベル' }), '2024年度当初{Enter}');
    const list = (await within(plan).findByRole('rowheader', { name: '2024年度当初' })).closest('tr')!;
    expect(list.textContent).toContain(demo.backEnd.store.author);
    expect(stored().revisions.map((r) => r.label)).toEqual(['2024年度当初']);

    const problem = within(plan).getByRole('textbox', { name: '解決すべき社会経済的課題' });
    await userEvent.clear(problem);
    await userEvent.type(problem, '交通渋滞と浸水');
    await userEvent.tab();
    await waitFor(() => expect(stored().plan?.problem).toBe('交通渋滞と浸水'));

    await userEvent.click(within(list).getByRole('button', { name: '現在と比較: 2024年度当初' }));
    const comparison = await within(plan).findByRole('region', { name: /^比較: 2024年度当初（.*） → 現在のプラン$/ });
    const changed = within(comparison).getByRole('cell', { name: '解決すべき社会経済的課題' }).closest('tr')!;
    expect([...changed.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['変更', 'プラン ', '解決すべき社会経済的課題', '交通渋滞', '交通渋滞と浸水']);
  });

  it('compares two revisions: an indicator added shows as a row of its own', async () => {
    saveRevision(demo.backEnd.store, demo.caseId, '当初');
    addIndicator(demo.backEnd.store, demo.caseId, { statement: '導入都市数', level: 'output' });
    saveRevision(demo.backEnd.store, demo.caseId, '改訂1');
    const plan = await renderPlan();
    const form = within(plan).getByRole('form', { name: '比較' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: '比較元' }), within(form).getAllByRole('option', { name: /^当初/ })[0]);
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: '比較先' }), within(form).getAllByRole('option', { name: /^改訂1/ })[1]);
    await userEvent.click(within(form).getByRole('button', { name: '比較' }));
    const comparison = await within(plan).findByRole('region', { name: /^比較: 当初.* → 改訂1/ });
    const rows = within(comparison).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([['追加', '指標 導入都市数', '全体', '—', '導入都市数']]);
  });

  it('opens at the plan from a search hit and marks the indicator found', async () => {
    const { id } = addIndicator(demo.backEnd.store, demo.caseId, { statement: '導入都市数' });
    const plan = await renderPlan(`/case/${demo.caseId}?plan=${id}`);
    const row = (await within(plan).findByRole('rowheader', { name: /導入都市数/ })).closest('tr')!;
    expect(row.className).toBe('highlighted');
  });

  it('lists overdue follow-ups on the home screen, linked to the case at its plan', async () => {
    setPlanField(demo.backEnd.store, demo.caseId, 'followUpDate', '2021年4月');
    const { id } = addIndicator(demo.backEnd.store, demo.caseId, { statement: '導入都市数' });
    setPeriodValues(demo.backEnd.store, id, '2021', { target: 10, actual: 5 });
    const router = renderApp('/');
    const panel = await screen.findByRole('region', { name: /フォローアップ期限を過ぎたプラン/ });
    const row = (await within(panel).findByRole('link', { name: 'ベトナム スマートシティ: スマートシティのKPI及び日系企業のソリューション' })).closest('tr')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'ベトナム スマートシティ: スマートシティのKPI及び日系企業のソリューション',
      'ベトナム',
      '2021年4月',
      '遅延',
    ]);
    await userEvent.click(within(row).getByRole('link'));
    expect(router.state.location.pathname).toBe(`/case/${demo.caseId}`);
    expect(router.state.location.search).toBe('?plan');
    expect(await screen.findByRole('region', { name: '展開実施プラン' })).toBeTruthy();
  });

  it('finds a hurdle by search and opens its case at the plan, the hurdle marked', async () => {
    const { id } = addHurdle(demo.backEnd.store, demo.caseId, { description: '用地収用の遅れ' });
    const router = renderApp('/search?q=用地収用');
    const hit = (await screen.findByRole('link', { name: /用地収用の遅れ/ })).closest('li')!;
    expect(within(hit).getByText('展開実施プラン')).toBeTruthy();
    await userEvent.click(within(hit).getByRole('link'));
    expect(router.state.location.search).toBe(`?plan=${id}`);
    const hurdle = await screen.findByRole('listitem', { name: '用地収用の遅れ' });
    expect(hurdle.className).toContain('highlighted');
  });
});
