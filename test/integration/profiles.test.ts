import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackEnd } from '../../electron/services/back-end';
import { listCases } from '../../electron/services/cases';
import { addEvent } from '../../electron/services/events';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { buildPackInput } from '../../electron/services/pack/build-input';
import { createProfile, deleteProfile, linkVisit, profileView, profileViews, unlinkVisit, updateProfile } from '../../electron/services/profiles';
import { createVisit, deleteVisit } from '../../electron/services/visits';
import type { ProfileView } from '../../shared/views';
import { DEMO_DIR, demoFiles, useTempDir } from '../support/temp';

// 先方要人 (issue 14, item 4): the counterpart's people, once per country, linked to the visits where they were met,
// with their previous meetings with Japan found in the visits and the cases' events by name.

const HUNG = { name: 'Nguyen Manh Hung', nameJa: 'グエン・マイン・フン', title: '情報通信大臣', organisation: 'ベトナム情報通信省' };

describe('先方要人', () => {
  const temp = useTempDir();
  const imported = () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    return store;
  };
  const meetings = (view: ProfileView) => view.meetings.map((m) => (m.kind === 'visit' ? `visit ${m.visit.title}` : `event ${m.event.text}`));

  it('creates, edits, links and deletes profiles of a country, listed by their Japanese name', () => {
    const store = imported();
    const visit = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021年5月' });
    const hung = createProfile(store, { ...HUNG, country: 'vn', visitIds: [visit.id.slice(0, 8)] });
    const an = createProfile(store, { name: 'Tran Van An', nameJa: 'チャン・ヴァン・アン', country: 'VN' });
    createProfile(store, { name: 'Juan dela Cruz', country: 'PH' });

    expect(profileViews(store, 'vn').map((v) => v.profile.nameJa)).toEqual(['グエン・マイン・フン', 'チャン・ヴァン・アン']);
    expect(profileView(store, hung.id).profile).toMatchObject({ ...HUNG, country: 'VN', visitIds: [visit.id], scope: 'council' });

    updateProfile(store, hung.id, { career: '2018年 情報通信大臣代行\n2019年 情報通信大臣', scope: 'government' });
    expect(profileView(store, hung.id).profile).toMatchObject({ career: '2018年 情報通信大臣代行\n2019年 情報通信大臣', scope: 'government' });
    expect(() => updateProfile(store, hung.id, { name: ' ' })).toThrow(expect.objectContaining({ code: 'text_required' }));

    expect(linkVisit(store, an.id, visit.id)).toHaveLength(1);
    expect(linkVisit(store, an.id, visit.id)).toEqual([]);
    expect(profileView(store, an.id).profile.visitIds).toEqual([visit.id]);
    unlinkVisit(store, an.id, visit.id);
    expect(profileView(store, an.id).profile.visitIds).toEqual([]);

    // A person is linked to visits to their own country only, and to live ones.
    const manila = createVisit(store, { title: 'フィリピン政策対話', country: 'PH' });
    expect(() => linkVisit(store, an.id, manila.id)).toThrow(expect.objectContaining({ code: 'profile_other_country' }));
    expect(() => createProfile(store, { name: 'x', country: 'VN', visitIds: [manila.id] })).toThrow(expect.objectContaining({ code: 'profile_other_country' }));
    expect(() => createProfile(store, { name: 'x', country: 'XX' })).toThrow(expect.objectContaining({ code: 'unknown_country' }));
    deleteVisit(store, visit.id);
    expect(() => linkVisit(store, an.id, visit.id)).toThrow(expect.objectContaining({ code: 'deleted' }));
    // …and unlinked from a visit deleted since.
    unlinkVisit(store, hung.id, visit.id);
    expect(profileView(store, hung.id).profile.visitIds).toEqual([]);

    deleteProfile(store, an.id);
    expect(profileViews(store, 'VN').map((v) => v.profile.name)).toEqual([HUNG.name]);
    expect(() => profileView(store, an.id)).toThrow(expect.objectContaining({ code: 'deleted' }));
  });

  it('finds the previous meetings by the visits linked, the counterparts and the events that name the person, by date', () => {
    const store = imported();
    const [first] = listCases(store, { country: 'VN' });
    const linked = createVisit(store, { title: '官民ミッション', country: 'VN', dates: '2019年8月' });
    const named = createVisit(store, {
      title: '総務大臣ベトナム訪問',
      country: 'VN',
      dates: '2021年5月',
      // Full-width, upper case: the same name once folded.
      counterparts: [{ name: 'ＮＧＵＹＥＮ ＭＡＮＨ ＨＵＮＧ', title: 'Minister', organisation: 'MIC' }],
    });
    createVisit(store, { title: '政策対話', country: 'VN', dates: '2020年2月', counterparts: [{ name: 'Tran Van An', title: '', organisation: '' }] });
    addEvent(store, first.id, { phase: 'consultation', date: '2020年10月', text: 'グエン・マイン・フン大臣とオンライン会談' });
    addEvent(store, first.id, { phase: 'consultation', date: '2020年11月', text: '次官級で意見交換' });
    const { id } = createProfile(store, { ...HUNG, country: 'VN', visitIds: [linked.id] });

    const view = profileView(store, id);
    expect(meetings(view)).toEqual(['visit 官民ミッション', 'event グエン・マイン・フン大臣とオンライン会談', 'visit 総務大臣ベトナム訪問']);
    const event = view.meetings[1];
    expect(event.kind === 'event' && { caseId: event.event.caseId, caseTitle: event.caseTitle }).toEqual({ caseId: first.id, caseTitle: first.title });
    expect(view.meetings[2]).toMatchObject({ kind: 'visit', visit: { id: named.id } });
    expect(profileViews(store, 'VN')[0].meetings).toEqual(view.meetings);
  });

  it('through the API: created from a visit in one step, linked, and undone with Ctrl+Z', async () => {
    const backEnd = openBackEnd({ store: { file: path.join(temp.dir(), 'api.sqlite'), author: 'desk' }, demoDir: DEMO_DIR, version: 'test' });
    try {
      await backEnd.call('demo.import', {});
      const { id: visitId } = (await backEnd.call('visit.create', { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021年5月' })) as { id: string };
      const { id } = (await backEnd.call('profile.create', { country: 'VN', values: { name: HUNG.name, title: HUNG.title }, visitIds: [visitId.slice(0, 6)] })) as { id: string };
      const list = (await backEnd.call('profiles.list', { country: 'VN' })) as ProfileView[];
      expect(list).toMatchObject([{ profile: { id, visitIds: [visitId] }, meetings: [{ kind: 'visit', visit: { id: visitId } }] }]);
      expect(await backEnd.call('profile.update', { id: id.slice(0, 6), values: { nameJa: HUNG.nameJa } })).toMatchObject({ profile: { nameJa: HUNG.nameJa } });
      expect(await backEnd.call('profile.unlinkVisit', { id, visitId })).toMatchObject({ profile: { visitIds: [] }, meetings: [] });
      await expect(backEnd.call('profile.create', { country: 'VN', values: { name: '' } })).rejects.toMatchObject({
        code: 'text_required',
        details: { table: 'profiles', field: 'name' },
      });

      await backEnd.call('undo', {});
      expect(((await backEnd.call('profile.get', { id })) as ProfileView).profile.visitIds).toEqual([visitId]);
      await backEnd.call('undo', {});
      expect(((await backEnd.call('profile.get', { id })) as ProfileView).profile.nameJa).toBe('');
      await backEnd.call('undo', {});
      await expect(backEnd.call('profile.get', { id })).rejects.toMatchObject({ code: 'deleted' });
    } finally {
      await backEnd.close();
    }
  });

  it('prints in a visit pack the people met on the visit whom the audience may see', () => {
    const store = imported();
    const visit = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021年5月', scope: 'council' });
    createProfile(store, { ...HUNG, country: 'VN', visitIds: [visit.id] });
    createProfile(store, { name: 'Tran Van An', nameJa: 'チャン・ヴァン・アン', career: '非公表の経歴', country: 'VN', visitIds: [visit.id], scope: 'government' });
    createProfile(store, { name: 'Le Thi B', country: 'VN' });
    const printed = (audience: 'council' | 'government') =>
      buildPackInput(store, { visitId: visit.id, audience, lang: 'ja', asOf: '2021-04-30', sections: ['profiles'] }).profiles.map((p) => p.profile.name);
    expect(printed('council')).toEqual([HUNG.name]);
    expect(printed('government')).toEqual([HUNG.name, 'Tran Van An']);
  });
});
