// @vitest-environment jsdom
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/services/cases';
import { addEvent } from '../../electron/services/events';
import { getScheme, listSchemes } from '../../electron/services/council/schemes';
import { importCouncilFiles } from '../../electron/services/import/council-import';
import { getPlan } from '../../electron/services/plans';
import { installBackEnd, type TestBackEnd } from '../support/karte-bridge';
import { renderApp } from '../support/render-app';
import { DEMO_DIR } from '../support/temp';

// The council database as a desk officer meets it (issue 15): on a case's page what fits it, ranked with why, and
// what does not, folded but there; the sector page with its cases by phase, schemes, members and advisors. The demo
// dossiers and the council's two files behind window.karte, and two new Vietnamese cases.

const COUNCIL_FILES = ['support-schemes.json', 'track-records.json'].map((f) => path.join(DEMO_DIR, 'council', f));
const MATCHING = '支援ツール・会員・アドバイザーとのマッチング';

describe('the council database on the screens', () => {
  let backEnd: TestBackEnd;
  let waste = '';
  let postal = '';
  beforeEach(() => {
    backEnd = installBackEnd({ demo: true });
    importCouncilFiles(backEnd.store, COUNCIL_FILES);
    waste = createCase(backEnd.store, { title: 'ベトナム 廃棄物発電: ハノイ', countries: ['VN'], sectorLabel: '廃棄物発電' }).id;
    addEvent(backEnd.store, waste, { phase: 'consideration', date: '2022年4月', text: 'ハノイ市と廃棄物発電の検討を開始' });
    postal = createCase(backEnd.store, { title: 'ベトナム 郵便: 物流', countries: ['VN'], sectorLabel: '郵便' }).id;
  });
  afterEach(() => backEnd.close());

  const matchPanel = async (caseId: string) => {
    const router = renderApp(`/case/${caseId}`);
    const panel = await screen.findByRole('region', { name: MATCHING });
    await within(panel).findByRole('region', { name: /^支援ツール/ });
    return { panel, router };
  };

  it('ranks the JCM subsidy first for a Vietnamese waste-to-energy case, with its reason in words, and Yokohama Water among the members', async () => {
    const { panel, router } = await matchPanel(waste);
    const schemes = within(panel).getByRole('region', { name: /^支援ツール/ });
    const first = within(schemes).getAllByRole('listitem')[0];
    expect(within(first).getByRole('link').textContent).toBe('JCM設備補助事業');
    expect(within(first).getByText('1位')).toBeTruthy();
    expect(within(first).getByText('分野が合う（廃棄物発電）')).toBeTruthy();
    expect(within(first).getByText(/ベトナムで利用実績（横浜ウォーター株式会社/)).toBeTruthy();

    const members = within(panel).getByRole('region', { name: /^会員企業・団体/ });
    expect(within(members).getByRole('link', { name: '横浜ウォーター株式会社' })).toBeTruthy();
    expect(within(members).getByText('ベトナムでの実績「エンサ下水処理場建設事業」')).toBeTruthy();
    within(panel).getByRole('region', { name: /^アドバイザー/ });
    expect(within(panel).getByRole('link', { name: '「廃棄物発電」の分野別の状況を見る' }).getAttribute('href')).toBe('/council/sectors/waste_to_energy');

    // What does not fit is folded, never hidden, and says why.
    const excluded = panel.querySelector('details')!;
    expect(excluded.open).toBe(false);
    expect(within(excluded).getByText(/^該当しないもの（\d+件）と、その理由$/)).toBeTruthy();
    await userEvent.click(within(excluded).getByText(/^該当しないもの/));
    expect(excluded.open).toBe(true);
    expect(within(excluded).getByText('対象分野はICTで、廃棄物発電は対象外')).toBeTruthy();

    // A name opens its page.
    await userEvent.click(within(first).getByRole('link', { name: 'JCM設備補助事業' }));
    expect(router.state.location.pathname).toMatch(/^\/council\/schemes\//);
    expect(await screen.findByRole('heading', { level: 1, name: 'JCM設備補助事業' })).toBeTruthy();
    expect(screen.getByText(/171億円/)).toBeTruthy();
  });

  it('does not offer the JCM subsidy for a Vietnamese postal case, and shows it under what does not fit with the sector reason', async () => {
    const { panel } = await matchPanel(postal);
    const schemes = within(panel).getByRole('region', { name: /^支援ツール/ });
    expect(within(schemes).queryByRole('link', { name: 'JCM設備補助事業' })).toBeNull();
    const excluded = panel.querySelector('details')!;
    await userEvent.click(within(excluded).getByText(/^該当しないもの/));
    const jcm = within(excluded).getByRole('link', { name: 'JCM設備補助事業' }).closest('li')!;
    expect(within(jcm).getByText('対象分野は脱炭素・省エネ・再エネ・廃棄物で、郵便は対象外')).toBeTruthy();
    expect(within(jcm).getByText('支援ツール')).toBeTruthy();
  });

  it('shows a sector with its cases by phase across countries, the schemes, members and advisors, and a print choice of audience', async () => {
    renderApp('/council/sectors');
    await userEvent.click(await screen.findByRole('link', { name: '廃棄物発電' }));
    expect(await screen.findByRole('heading', { level: 1, name: '分野別の状況：廃棄物発電' })).toBeTruthy();
    const cases = await screen.findByRole('region', { name: /^段階別の案件/ });
    const table = await within(cases).findByRole('table');
    const vietnam = within(table).getByRole('rowheader', { name: 'ベトナム' }).closest('tr')!;
    const columns = within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    const cell = within(vietnam).getAllByRole('cell')[columns.indexOf('検討') - 1];
    expect(within(cell).getByRole('link', { name: 'ベトナム 廃棄物発電: ハノイ' }).getAttribute('href')).toBe(`/case/${waste}`);

    const schemes = screen.getByRole('region', { name: /^支援ツール/ });
    expect(within(schemes).getAllByRole('link')[0].textContent).toBe('JCM設備補助事業');
    const members = screen.getByRole('region', { name: /^会員企業・団体/ });
    expect(within(members).getAllByRole('link').length).toBeGreaterThan(0);
    screen.getByRole('region', { name: /^アドバイザー/ });

    const audience = screen.getByRole('combobox', { name: '配布範囲' });
    expect(within(audience).getAllByRole('option')).toHaveLength(4);
    expect(screen.getByRole('button', { name: '印刷（PDF）' })).toBeTruthy();

    // Another sector from the choice.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '分野' }), 'postal');
    expect(await screen.findByRole('heading', { level: 1, name: '分野別の状況：郵便' })).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('region', { name: /^支援ツール/ })).queryByRole('link', { name: 'JCM設備補助事業' })).toBeNull());
  });

  it("maps the water sector's cases and the members' projects abroad, each project's company linking to its member page", async () => {
    const router = renderApp('/council/sectors/water');
    const map = await screen.findByRole('region', { name: '地域別の案件（分野×地域）' });
    const table = await within(map).findByRole('table', { name: '主な案件と実績（地域別）' });
    const vietnam = within(table).getByRole('rowheader', { name: 'ベトナム' }).closest('tr')!;
    expect(within(vietnam).getByText('水道公社への高効率ポンプの導入', { exact: false }).textContent).toContain('（ダナン）');
    // Mongolia: a member's project, no case kept.
    const mongolia = within(table).getByRole('rowheader', { name: 'モンゴル' }).closest('tr')!;
    expect(within(mongolia).getByText('案件なし')).toBeTruthy();
    expect(within(mongolia).getByText(/ホテルへの水道管改善装置の納入/)).toBeTruthy();
    // Another sector's project (the Philippine plastics recycling, 廃棄物発電) is not here.
    expect(within(table).queryByText(/廃プラスチックのリサイクル事業/)).toBeNull();
    // On the map the countries where members worked are named so in their tooltip.
    const shapes = [...map.querySelectorAll('svg path')].map((p) => p.querySelector('title')?.textContent ?? '');
    expect(shapes).toContain('ベトナム · 会員企業の海外展開実績2件');
    expect(screen.getByText('実績あり（会員企業の海外展開実績、数字は件数）')).toBeTruthy();

    await userEvent.click(within(vietnam).getByRole('link', { name: '横浜ウォーター株式会社' }));
    expect(router.state.location.pathname).toMatch(/^\/council\/members\/[^/]+$/);
    expect(await screen.findByRole('heading', { level: 1, name: '横浜ウォーター株式会社' })).toBeTruthy();
  });

  it('lists the schemes by sector and a member with its track records and the cases that fit it', async () => {
    const router = renderApp('/council?sector=postal');
    const heading = await screen.findByRole('heading', { level: 2, name: 'ICT海外展開パッケージ支援事業' });
    expect(heading).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: 'JCM設備補助事業' })).toBeNull();
    await userEvent.click(screen.getByRole('link', { name: '会員' }));
    await userEvent.click(await screen.findByRole('link', { name: '横浜ウォーター株式会社' }));
    expect(router.state.location.pathname).toMatch(/^\/council\/members\//);
    // An offer added by its name, then its kind and sectors chosen on its card.
    const offers = await screen.findByRole('region', { name: '技術・製品・サービス' });
    const addOffer = await within(offers).findByRole('form', { name: '追加' });
    await userEvent.type(within(addOffer).getByRole('textbox', { name: '新しい技術・製品・サービスの名称' }), '高効率ポンプ');
    await userEvent.click(within(addOffer).getByRole('button', { name: '追加' }));
    const offer = await within(offers).findByRole('article', { name: '高効率ポンプ' });
    await userEvent.selectOptions(within(offer).getByRole('combobox', { name: '種別' }), 'product');
    await userEvent.click(within(offer).getByRole('checkbox', { name: '水' }));
    await waitFor(() => expect((within(offer).getByRole('checkbox', { name: '水' }) as HTMLInputElement).checked).toBe(true));
    expect((within(offer).getByRole('combobox', { name: '種別' }) as HTMLSelectElement).value).toBe('product');

    const records = await screen.findByRole('region', { name: '海外展開実績' });
    const project = '水道公社への高効率ポンプの導入';
    expect((within(records).getByRole('textbox', { name: `事業名（${project}）` }) as HTMLInputElement).value).toBe(project);
    expect((within(records).getByRole('combobox', { name: `支援ツール（${project}）` }) as HTMLSelectElement).selectedOptions[0].textContent).toBe('JCM設備補助事業（環境省）');
    // The project becomes the Vietnamese case, chosen among the cases of its country.
    const caseChoice = within(records).getByRole('combobox', { name: `案件（${project}）` });
    await waitFor(() => expect(within(caseChoice).getByRole('option', { name: 'ベトナム 廃棄物発電: ハノイ' })).toBeTruthy());
    await userEvent.selectOptions(caseChoice, waste);
    expect((await within(records).findByRole('link', { name: '案件「ベトナム 廃棄物発電: ハノイ」を開く' })).getAttribute('href')).toBe(`/case/${waste}`);
    const fitting = within(screen.getByRole('region', { name: 'この会員に合う案件と支援ツール' }));
    // Its best five first, the rest one click away.
    const cases = await fitting.findByRole('region', { name: /^案件/ });
    await userEvent.click(within(cases).getByRole('button', { name: /^すべて表示/ }));
    const hanoi = within(cases).getByRole('link', { name: 'ベトナム 廃棄物発電: ハノイ' }).closest('li')!;
    expect(within(hanoi).getByText('ベトナムでの実績「水道公社への高効率ポンプの導入」')).toBeTruthy();
  });

  it("limits a scheme to regions on its page, by the countries screen's regions, and lists it for a country of the region", async () => {
    const jcm = listSchemes(backEnd.store).find((s) => s.name === 'JCM設備補助事業')!;
    const router = renderApp(`/council/schemes/${jcm.id}`);
    const regions = await screen.findByRole('group', { name: '対象地域' });
    await userEvent.selectOptions(within(regions).getByRole('combobox', { name: '地域を追加' }), 'asean');
    await within(regions).findByRole('button', { name: 'ASEANを外す' });
    await userEvent.selectOptions(within(regions).getByRole('combobox', { name: '地域を追加' }), 'africa');
    await within(regions).findByRole('button', { name: 'アフリカを外す' });
    expect(getScheme(backEnd.store, jcm.id).regions).toEqual(['asean', 'africa']);

    await userEvent.click(within(regions).getByRole('button', { name: 'アフリカを外す' }));
    await waitFor(() => expect(within(regions).queryByRole('button', { name: 'アフリカを外す' })).toBeNull());
    expect(getScheme(backEnd.store, jcm.id).regions).toEqual(['asean']);

    // Thailand names no scheme of its own: the JCM subsidy is listed for it through ASEAN, with the region named.
    await router.navigate('/council?country=TH');
    // The filtered list takes about a second to come in jsdom, past findBy's default wait.
    const card = (await screen.findByText('JCM設備補助事業', { selector: 'h2 a' }, { timeout: 5000 })).closest('section')!;
    expect(within(card).getByText(/^ASEAN \/ JCMパートナー国/)).toBeTruthy();
  });

  it('registers an advisor who knows Vietnam, with a contact for government only, and the Vietnamese case then lists them', async () => {
    const router = renderApp('/council/advisors');
    expect(await screen.findByText(/^条件に合うアドバイザーはいません。/)).toBeTruthy();
    const create = screen.getByRole('form', { name: 'アドバイザーを登録' });
    await userEvent.click(within(create).getByRole('button', { name: '登録' }));
    expect(within(create).getByRole('alert').textContent).toBe('氏名を入力してから「登録」を押してください。');
    await userEvent.type(within(create).getByRole('textbox', { name: '新しいアドバイザーの氏名' }), '山田太郎');
    await userEvent.click(within(create).getByRole('button', { name: '登録' }));
    expect(await screen.findByRole('heading', { level: 1, name: '山田太郎' })).toBeTruthy();
    const advisorPath = router.state.location.pathname;
    expect(advisorPath).toMatch(/^\/council\/advisors\//);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: '国を追加' }), 'VN');
    expect(await screen.findByRole('button', { name: 'ベトナムを外す' })).toBeTruthy();
    const contacts = screen.getByRole('region', { name: '連絡先' });
    expect(within(contacts).getByText(/^見られる連絡先はありません。/)).toBeTruthy();
    const form = within(contacts).getByRole('form', { name: '連絡先を追加' });
    expect((within(form).getByRole('combobox', { name: '共有範囲' }) as HTMLSelectElement).value).toBe('government');
    expect(within(within(form).getByRole('combobox', { name: '共有範囲' })).queryByRole('option', { name: /公開/ })).toBeNull();
    await userEvent.type(within(form).getByRole('textbox', { name: '新しい連絡先' }), 'yamada@example.jp');
    await userEvent.click(within(form).getByRole('button', { name: '連絡先を追加' }));
    expect(await within(contacts).findByDisplayValue('yamada@example.jp')).toBeTruthy();

    await router.navigate(`/case/${postal}`);
    const panel = await screen.findByRole('region', { name: MATCHING });
    const advisors = await within(panel).findByRole('region', { name: /^アドバイザー/ });
    expect((await within(advisors).findByRole('link', { name: '山田太郎' })).getAttribute('href')).toBe(advisorPath);
    expect(within(advisors).getByText('対象国（ベトナム）')).toBeTruthy();
  });

  it("links a financing option of the case's plan to the support scheme it is, and leads to the scheme's page", async () => {
    renderApp(`/case/${waste}`);
    const plan = await screen.findByRole('region', { name: '展開実施プラン' });
    const add = await within(plan).findByRole('form', { name: '資金スキームを追加' });
    await userEvent.selectOptions(within(add).getByRole('combobox', { name: 'スキーム' }), 'jcm');
    await userEvent.click(within(add).getByRole('button', { name: '追加' }));
    const choice = await within(plan).findByRole('combobox', { name: /の支援ツール$/ });
    expect((choice as HTMLSelectElement).value).toBe('');
    await userEvent.selectOptions(choice, within(choice).getByRole('option', { name: 'JCM設備補助事業（環境省）' }));
    const link = await within(plan).findByRole('link', { name: '支援ツール「JCM設備補助事業」のページを開く' });
    const schemeId = getPlan(backEnd.store, waste).plan?.financing[0].schemeId;
    expect(link.getAttribute('href')).toBe(`/council/schemes/${schemeId}`);
  });

  it("finds a support scheme, a member and a member's track record by search, each opening its page in the council database", async () => {
    const router = renderApp(`/search?q=${encodeURIComponent('横浜ウォーター')}`);
    await screen.findAllByText('協議会会員');
    const member = screen.getAllByRole('link').find((a) => a.getAttribute('href')?.startsWith('/council/members/'));
    expect(member).toBeTruthy();
    await userEvent.click(member!);
    expect(await screen.findByRole('heading', { level: 1, name: '横浜ウォーター株式会社' })).toBeTruthy();

    await router.navigate(`/search?q=${encodeURIComponent('JCM設備補助')}`);
    const found = await waitFor(() => {
      const link = [...document.querySelectorAll('.search-screen a')].find((a) => a.getAttribute('href')?.startsWith('/council/schemes/'));
      expect(link).toBeTruthy();
      return link as HTMLElement;
    });
    await userEvent.click(found);
    expect(await screen.findByRole('heading', { level: 1, name: 'JCM設備補助事業' })).toBeTruthy();

    // A track record's hit names its member and opens the member's page, where the record is edited.
    await router.navigate(`/search?q=${encodeURIComponent('ダナン')}`);
    const record = (await screen.findAllByText('海外展開実績', { selector: '.hit-kind' }))[0].closest('li')!;
    const recordLink = within(record).getByRole('link', { name: /^横浜ウォーター株式会社/ });
    expect(within(recordLink).getByText('横浜ウォーター株式会社', { selector: '.hit-member' })).toBeTruthy();
    expect(recordLink.getAttribute('href')).toMatch(/^\/council\/members\/[0-9a-f-]{36}$/);
    await userEvent.click(recordLink);
    expect(await screen.findByRole('heading', { level: 1, name: '横浜ウォーター株式会社' })).toBeTruthy();
  });
});
