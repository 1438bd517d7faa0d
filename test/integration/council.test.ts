import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackEnd, type LocalBackEnd } from '../../electron/services/back-end';
import type { Advisor, AdvisorContact } from '../../shared/model/advisor';
import type { Offer } from '../../shared/model/offer';
import type { SupportScheme } from '../../shared/model/support-scheme';
import type { TrackRecord } from '../../shared/model/track-record';
import type { AdvisorView, CaseSummary, MemberSummary, MemberView, PlanView, SearchResult } from '../../shared/views';
import { karte, karteJson } from '../support/cli';
import { DEMO_DIR, useTempDir } from '../support/temp';

// The council database through the real back end and SQLite, as the screens call it: schemes, members with their
// offers and track records, advisors with their contacts; every write undone by Ctrl+Z; found by search; listed by
// the command line.

const SCHEMES = path.join(DEMO_DIR, 'council', 'support-schemes.json');
const TRACK_RECORDS = path.join(DEMO_DIR, 'council', 'track-records.json');

describe('the council database', () => {
  const temp = useTempDir();
  let backEnd: LocalBackEnd | null = null;
  afterEach(async () => {
    await backEnd?.close();
    backEnd = null;
  });

  const open = async () => {
    backEnd = openBackEnd({ store: { file: path.join(temp.dir(), 'karte.sqlite'), author: 'desk' }, demoDir: DEMO_DIR, version: 'test' });
    expect(await backEnd.call('demo.import', {})).toMatchObject({ schemesAdded: 12, trackRecordsAdded: 9, membersAdded: 8 });
    return backEnd;
  };
  const schemes = async (k: LocalBackEnd, filter: object = {}) => (await k.call('schemes.list', filter)) as SupportScheme[];
  const members = async (k: LocalBackEnd, filter: object = {}) => (await k.call('members.list', filter)) as MemberSummary[];
  const advisors = async (k: LocalBackEnd, filter: object = {}) => (await k.call('advisors.list', filter)) as Advisor[];

  it('lists schemes by sector, phase and country; one naming no sector or country serves every one', async () => {
    const k = await open();
    expect(await schemes(k)).toHaveLength(12);
    const waste = (await schemes(k, { sector: '廃棄物' })).map((s) => s.name);
    expect(waste).toContain('JCM設備補助事業');
    expect(waste).toContain('途上国向け低炭素技術イノベーション創出事業');
    expect(waste).toContain('海外投融資');
    expect(waste).not.toContain('ICT海外展開パッケージ支援事業');
    const postal = (await schemes(k, { sector: 'postal' })).map((s) => s.name);
    expect(postal).not.toContain('JCM設備補助事業');
    expect(postal).toContain('株式会社海外通信・放送・郵便事業支援機構（JICT）による出資等');
    expect(postal).toContain('ICT海外展開パッケージ支援事業');
    const survey = (await schemes(k, { phase: 'survey_demo', country: 'VN' })).map((s) => s.name);
    expect(survey.sort()).toEqual(['ヘルスケア産業国際展開推進事業費補助金', '中小企業・SDGsビジネス支援事業', '途上国向け低炭素技術イノベーション創出事業'].sort());
  });

  it('creates, edits and deletes a scheme, checking its codes, each step undone', async () => {
    const k = await open();
    const { id } = (await k.call('scheme.create', { values: { name: 'ASEAN限定スキーム', owner: '総務省', type: 'grant', sectors: ['water'], regions: ['asean'] } })) as {
      id: string;
    };
    expect((await schemes(k, { country: 'VN' })).map((s) => s.id)).toContain(id);
    expect((await schemes(k, { country: 'BR' })).map((s) => s.id)).not.toContain(id);
    expect((await schemes(k, { sector: 'postal' })).map((s) => s.id)).not.toContain(id);

    const updated = (await k.call('scheme.update', { id: id.slice(0, 8), values: { countries: ['br'], terms: '1/2補助' } })) as SupportScheme;
    expect(updated).toMatchObject({ countries: ['BR'], terms: '1/2補助' });
    await k.call('undo', {});
    expect((await k.call('scheme.get', { id })) as SupportScheme).toMatchObject({ countries: [], terms: '' });

    await expect(k.call('scheme.update', { id, values: { sectors: ['plumbing'] } })).rejects.toMatchObject({
      code: 'unknown_sector',
      details: { table: 'schemes', field: 'sectors', params: { sector: 'plumbing' } },
    });
    await expect(k.call('scheme.update', { id, values: { regions: ['atlantis'] } })).rejects.toMatchObject({ code: 'unknown_region' });
    await expect(k.call('scheme.update', { id, values: { countries: ['XX'] } })).rejects.toMatchObject({ code: 'unknown_country' });
    await expect(k.call('scheme.update', { id, values: { phases: ['launch'] } })).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(k.call('scheme.create', { values: { name: ' ' } })).rejects.toMatchObject({ code: 'text_required', details: { table: 'schemes', field: 'name' } });

    await k.call('scheme.delete', { id });
    expect(await schemes(k)).toHaveLength(12);
    await expect(k.call('scheme.get', { id })).rejects.toMatchObject({ code: 'deleted' });
    await k.call('undo', {});
    expect(await schemes(k)).toHaveLength(13);
  });

  it('deleting a scheme unlinks the track records and financing options that name it, and undo links them again', async () => {
    const k = await open();
    const jcm = (await schemes(k)).find((s) => s.name === 'JCM設備補助事業')!;
    const [vnCase] = (await k.call('cases.list', { country: 'VN' })) as CaseSummary[];
    const plan = (await k.call('plan.update', { caseId: vnCase.id, values: { financing: [{ scheme: 'jcm', status: 'considering', note: '', schemeId: jcm.id }] } })) as PlanView;
    expect(plan.plan!.financing[0].schemeId).toBe(jcm.id);
    await expect(
      k.call('plan.update', { caseId: vnCase.id, values: { financing: [{ scheme: 'jcm', status: 'considering', note: '', schemeId: '00000000-0000-0000-0000-000000000000' }] } }),
    ).rejects.toMatchObject({ code: 'not_found', details: { table: 'schemes' } });

    const linked = () => k.call('member.get', { id: jcmUser }) as Promise<MemberView>;
    const jcmUser = (await members(k)).find((m) => m.nameJa === '横浜ウォーター株式会社')!.id;
    expect((await linked()).trackRecords[0].schemeId).toBe(jcm.id);
    await k.call('scheme.delete', { id: jcm.id });
    expect((await linked()).trackRecords[0]).toMatchObject({ schemeId: null, category: 'JCM設備補助事業' });
    expect(((await k.call('plan.get', { caseId: vnCase.id })) as PlanView).plan!.financing[0].schemeId).toBeNull();
    await k.call('undo', {});
    expect((await linked()).trackRecords[0].schemeId).toBe(jcm.id);
    expect(((await k.call('plan.get', { caseId: vnCase.id })) as PlanView).plan!.financing[0].schemeId).toBe(jcm.id);
  });

  it('lists members by sector and country, edits a profile, and adds, edits and deletes offers and track records', async () => {
    const k = await open();
    expect(await members(k)).toHaveLength(8);
    expect((await members(k, { country: 'VN' })).map((m) => m.nameJa).sort()).toEqual(['JFEエンジニアリング株式会社', '横浜ウォーター株式会社']);
    const water = (await members(k, { sector: '上水道' })).map((m) => m.nameJa);
    expect(water).toContain('横浜ウォーター株式会社');
    expect(water).not.toContain('株式会社グーン');

    const id = (await members(k, { country: 'VN' })).find((m) => m.nameJa === '横浜ウォーター株式会社')!.id;
    const profile = (await k.call('member.update', { id, values: { size: 'sme', description: '上下水道の技術協力' } })) as MemberView;
    expect(profile.organisation).toMatchObject({ size: 'sme', description: '上下水道の技術協力', location: '横浜市中区', councilMember: true });
    expect(profile.trackRecords).toHaveLength(1);

    const { id: offerId } = (await k.call('offer.add', { organisationId: id.slice(0, 8), values: { name: '漏水検知サービス', sectors: ['water'], scope: 'internal' } })) as {
      id: string;
    };
    expect(((await k.call('member.get', { id })) as MemberView).offers).toMatchObject([{ id: offerId, name: '漏水検知サービス', kind: 'technology', scope: 'internal' }]);
    expect((await k.call('offer.update', { id: offerId, values: { scope: 'council', kind: 'service' } })) as Offer).toMatchObject({ scope: 'council', kind: 'service' });
    await k.call('undo', {});
    expect(((await k.call('member.get', { id })) as MemberView).offers[0]).toMatchObject({ scope: 'internal', kind: 'technology' });
    await expect(k.call('offer.add', { organisationId: id, values: { name: '', sectors: [] } })).rejects.toMatchObject({ code: 'text_required', details: { field: 'name' } });
    await expect(k.call('offer.update', { id: offerId, values: { sectors: ['水'] } })).rejects.toMatchObject({ code: 'unknown_sector' });

    const { id: recordId } = (await k.call('trackRecord.add', {
      organisationId: id,
      values: { project: 'フエ市の上水道無収水対策', country: 'vn', place: 'フエ', date: '2019年度' },
    })) as {
      id: string;
    };
    const record = ((await k.call('member.get', { id })) as MemberView).trackRecords.find((r) => r.id === recordId)!;
    expect(record).toMatchObject({ country: 'VN', sectors: ['water'], date: { precision: 'fiscal_year', text: '2019年度' }, schemeId: null });
    const [vnCase] = (await k.call('cases.list', { country: 'VN' })) as CaseSummary[];
    expect((await k.call('trackRecord.update', { id: recordId, values: { relatedCaseId: vnCase.id.slice(0, 8) } })) as TrackRecord).toMatchObject({ relatedCaseId: vnCase.id });
    await expect(k.call('trackRecord.update', { id: recordId, values: { country: 'XX' } })).rejects.toMatchObject({ code: 'unknown_country' });
    await k.call('trackRecord.delete', { id: recordId });
    expect(((await k.call('member.get', { id })) as MemberView).trackRecords).toHaveLength(1);
    await k.call('undo', {});
    expect(((await k.call('member.get', { id })) as MemberView).trackRecords).toHaveLength(2);
    await k.call('offer.delete', { id: offerId });
    expect((await members(k, { country: 'VN' })).find((m) => m.id === id)).toMatchObject({ offers: 0, trackRecords: 2 });
  });

  it('keeps advisors with their contacts as records of their own, never public, deleted together and undone together', async () => {
    const k = await open();
    const { id } = (await k.call('advisor.create', {
      values: { name: '山田太郎', affiliation: '元JICA専門家', sectors: ['water'], countries: ['VN', 'kh'], languages: ['ベトナム語'], registeredOn: '2022年4月' },
    })) as { id: string };
    expect(await advisors(k, { country: 'KH' })).toMatchObject([{ id, countries: ['VN', 'KH'], registeredOn: { precision: 'month' }, removedOn: null }]);
    expect(await advisors(k, { sector: 'postal' })).toEqual([]);
    const { id: contactId } = (await k.call('advisorContact.add', { advisorId: id, values: { contact: 'yamada@example.jp' } })) as { id: string };
    expect(((await k.call('advisor.get', { id })) as AdvisorView).contacts).toMatchObject([{ id: contactId, scope: 'government' }]);
    await expect(k.call('advisorContact.update', { id: contactId, values: { scope: 'public' } })).rejects.toMatchObject({ code: 'invalid_arguments' });
    expect((await k.call('advisorContact.update', { id: contactId, values: { scope: 'council' } })) as AdvisorContact).toMatchObject({ scope: 'council' });

    const removed = (await k.call('advisor.update', { id, values: { removedOn: '2024年3月' } })) as AdvisorView;
    expect(removed.advisor.removedOn).toMatchObject({ text: '2024年3月' });
    await k.call('undo', {});
    expect(((await k.call('advisor.get', { id })) as AdvisorView).advisor.removedOn).toBeNull();

    await k.call('advisor.delete', { id });
    await expect(k.call('advisorContact.update', { id: contactId, values: { contact: 'x' } })).rejects.toMatchObject({ code: 'deleted' });
    await k.call('undo', {});
    expect(((await k.call('advisor.get', { id })) as AdvisorView).contacts).toHaveLength(1);
    await k.call('advisorContact.delete', { id: contactId });
    expect(((await k.call('advisor.get', { id })) as AdvisorView).contacts).toEqual([]);
  });

  it('finds schemes, members, offers, track records and advisors by their texts, but not contacts', async () => {
    const k = await open();
    const kinds = async (query: string) => ((await k.call('search', { query })) as SearchResult).hits.map((h) => h.kind);
    const jcm = (await k.call('search', { query: 'JCM設備補助事業' })) as SearchResult;
    expect(jcm.hits.find((h) => h.kind === 'scheme')).toMatchObject({ text: expect.stringContaining('JCM設備補助事業') });
    expect(jcm.hits.filter((h) => h.kind === 'trackRecord').length).toBe(4);
    const water = (await k.call('search', { query: '横浜ウォーター' })) as SearchResult;
    expect(water.hits.map((h) => h.kind)).toContain('member');
    const danang = (await k.call('search', { query: 'ダナン' })) as SearchResult;
    // An offer's or track record's hit names its member, whose page it opens.
    const yokohamaWater = (await members(k)).find((m) => m.nameJa === '横浜ウォーター株式会社')!;
    expect(danang.hits.find((h) => h.kind === 'trackRecord')).toMatchObject({
      countries: ['VN'],
      text: expect.stringContaining('ダナン'),
      member: { id: yokohamaWater.id, nameJa: '横浜ウォーター株式会社' },
    });
    expect(jcm.hits.filter((h) => h.kind === 'trackRecord').every((h) => h.member !== null)).toBe(true);
    expect(danang.hits.filter((h) => h.kind !== 'trackRecord' && h.kind !== 'offer').every((h) => h.member === null)).toBe(true);

    const member = (await members(k))[0];
    await k.call('offer.add', { organisationId: member.id, values: { name: '汚泥脱水プレス', description: '省エネ型' } });
    expect(await kinds('汚泥脱水プレス')).toEqual(['offer']);
    const press = ((await k.call('search', { query: '汚泥脱水プレス' })) as SearchResult).hits[0];
    expect(press.member).toEqual({ id: member.id, nameJa: member.nameJa, nameEn: member.nameEn });
    const { id } = (await k.call('advisor.create', { values: { name: '佐藤花子', experience: 'ダナン市上水道の無収水対策' } })) as { id: string };
    await k.call('advisorContact.add', { advisorId: id, values: { contact: '045-000-0000 佐藤直通' } });
    expect(await kinds('無収水対策')).toEqual(['advisor']);
    expect(await kinds('佐藤直通')).toEqual([]);
    await k.call('advisor.delete', { id });
    expect(await kinds('無収水対策')).toEqual([]);
  });
});

describe('karte schemes, members, member, advisors', () => {
  const temp = useTempDir();

  it('imports the two source files and lists them as text and JSON; importing again adds nothing', () => {
    const db = path.join(temp.dir(), 'cli.sqlite');
    const imported = karte(['--db', db, 'import', SCHEMES, TRACK_RECORDS]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('council: 12 support schemes added (0 already there), 9 track records added (0 already there), 8 members added');
    expect(karte(['--db', db, 'import', SCHEMES, TRACK_RECORDS]).stdout).toContain(
      '0 support schemes added (12 already there), 0 track records added (9 already there), 0 members added',
    );

    expect(karteJson<SupportScheme[]>(['--db', db, 'schemes'])).toHaveLength(12);
    expect(karteJson<SupportScheme[]>(['--db', db, 'schemes', '--sector', 'postal']).map((s) => s.name)).not.toContain('JCM設備補助事業');
    const text = karte(['--db', db, 'schemes', '--sector', '廃棄物']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/環境省\s+subsidy\s+受注・管理\s+廃棄物発電・脱炭素（JCM）\s+public\s+JCM設備補助事業/);

    const listed = karteJson<MemberSummary[]>(['--db', db, 'members']);
    expect(listed).toHaveLength(8);
    const water = listed.find((m) => m.nameJa === '横浜ウォーター株式会社')!;
    expect(water).toMatchObject({ location: '横浜市中区', countries: ['VN'], sectors: ['water'], trackRecords: 1 });
    expect(karte(['--db', db, 'members']).stdout).toMatch(/横浜市中区\s+—\s+0\s+1\s+ベトナム\s+水\s+横浜ウォーター株式会社/);

    const member = karte(['--db', db, 'member', water.id.slice(0, 6)]);
    expect(member.status, member.stderr).toBe(0);
    expect(member.stdout).toContain('横浜ウォーター株式会社');
    expect(member.stdout).toMatch(/ベトナム ダナン\s+水道公社への高効率ポンプの導入\s+JCM設備補助事業\s+\(public\)/);

    const none = karte(['--db', db, 'advisors']);
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout.trim()).toMatch(/^id\s+countries\s+sectors\s+languages\s+removed\s+scope\s+name$/);
    // Each run starts the command line anew (a few seconds each here).
  }, 240_000);

  it('refuses a broken council file naming file, record and field, and imports nothing', () => {
    const db = path.join(temp.dir(), 'cli.sqlite');
    const broken = path.join(temp.dir(), 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ source: '', records: [{ company: 'A社', ward: '中区', project: 'x', country_iso2: 'VN', place: '', category: 7 }] }));
    const result = karte(['--db', db, 'import', SCHEMES, broken]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/broken\.json: records\[0\]\.category: /);
    expect(karteJson<SupportScheme[]>(['--db', db, 'schemes'])).toEqual([]);
  });
});
