import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackEnd } from '../../electron/services/back-end';
import { listCases, updateCase } from '../../electron/services/cases';
import { importKarteFiles } from '../../electron/services/import/karte-import';
import { buildPackInput } from '../../electron/services/pack/build-input';
import { addQuestion, deleteQuestion, moveQuestion, questionsOf, questionsOfCase, questionsOfVisit, updateQuestion } from '../../electron/services/questions';
import { writeRows } from '../../electron/services/store/store';
import { createVisit, deleteVisit } from '../../electron/services/visits';
import { renderPackHtml } from '../../shared/pack/render-html';
import type { Question } from '../../shared/model/question';
import { DEMO_DIR, demoFiles, useTempDir } from '../support/temp';

// 想定問答 (issue 14, item 4): questions with their answers on a case or on a visit, in an order a person sets,
// scoped like every record, so a pack for the council never prints an answer meant for the government.

describe('想定問答', () => {
  const temp = useTempDir();
  const imported = () => {
    const store = temp.store();
    importKarteFiles(store, demoFiles());
    return store;
  };
  const texts = (questions: Question[]) => questions.map((q) => q.question);

  it('adds questions last, edits, moves and deletes them, on a case and on a visit apart', () => {
    const store = imported();
    const [first] = listCases(store, { country: 'VN' });
    const visit = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021年5月', scope: 'government' });
    const a = addQuestion(store, { caseId: first.id }, { question: '入札の時期は？', answer: '2021年度中と聞いている。' });
    const b = addQuestion(store, { caseId: first.id.slice(0, 8) }, { question: '日本の支援策は？' });
    const c = addQuestion(store, { caseId: first.id }, { question: '競合国の動きは？', answer: '中国企業が提案済み。', scope: 'internal' });
    const onVisit = addQuestion(store, { visitId: visit.id }, { question: '大臣の関心事項は？' });

    expect(texts(questionsOfCase(store, first.id))).toEqual(['入札の時期は？', '日本の支援策は？', '競合国の動きは？']);
    expect(questionsOfCase(store, first.id).map((q) => q.position)).toEqual([0, 1, 2]);
    // A question's scope is its parent's unless given: the demo case's council, the visit's government.
    expect(questionsOfCase(store, first.id).map((q) => q.scope)).toEqual([first.scope, first.scope, 'internal']);
    expect(questionsOfVisit(store, visit.id)).toMatchObject([{ id: onVisit.id, caseId: null, visitId: visit.id, position: 0, scope: 'government', answer: '' }]);

    updateQuestion(store, b.id, { answer: 'JICAの技術協力を検討中。', scope: 'government' });
    expect(questionsOfCase(store, first.id)[1]).toMatchObject({ answer: 'JICAの技術協力を検討中。', scope: 'government' });
    expect(() => updateQuestion(store, b.id, { question: '  ' })).toThrow('needs its text');

    // The last to the top: only the rows whose number changes are written, all in one step.
    const moved = moveQuestion(store, c.id, 0);
    expect(new Set(moved.map((ch) => ch.rowId))).toEqual(new Set([a.id, b.id, c.id]));
    expect(texts(questionsOfCase(store, first.id))).toEqual(['競合国の動きは？', '入札の時期は？', '日本の支援策は？']);
    expect(moveQuestion(store, c.id, 0)).toEqual([]);
    // A place past the end is the last one.
    moveQuestion(store, c.id, 99);
    expect(texts(questionsOfCase(store, first.id))).toEqual(['入札の時期は？', '日本の支援策は？', '競合国の動きは？']);

    deleteQuestion(store, a.id);
    expect(texts(questionsOfCase(store, first.id))).toEqual(['日本の支援策は？', '競合国の動きは？']);
    expect(() => updateQuestion(store, a.id, { answer: 'x' })).toThrow('has been deleted');
    // A question added after a deletion still goes last.
    addQuestion(store, { caseId: first.id }, { question: '今後の日程は？' });
    expect(texts(questionsOfCase(store, first.id)).at(-1)).toBe('今後の日程は？');
    expect(texts(questionsOfVisit(store, visit.id))).toEqual(['大臣の関心事項は？']);
  });

  it('hangs a question on exactly one live case or visit', () => {
    const store = imported();
    const [first, second] = listCases(store, { country: 'VN' });
    const visit = createVisit(store, { title: '官民ミッション', country: 'VN' });
    const refused = (parent: Parameters<typeof addQuestion>[1]) => () => addQuestion(store, parent, { question: '質問' });
    expect(refused({})).toThrow(expect.objectContaining({ code: 'question_parent' }));
    expect(refused({ caseId: first.id, visitId: visit.id })).toThrow(expect.objectContaining({ code: 'question_parent' }));
    expect(() => questionsOf(store, {})).toThrow(expect.objectContaining({ code: 'question_parent' }));
    expect(refused({ caseId: 'ffffffff-0000-0000-0000-000000000000' })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => addQuestion(store, { caseId: first.id }, { question: ' ' })).toThrow(expect.objectContaining({ code: 'text_required' }));

    writeRows(store, [{ table: 'cases', id: second.id, values: { deleted: true } }]);
    expect(refused({ caseId: second.id })).toThrow(expect.objectContaining({ code: 'deleted', details: expect.objectContaining({ table: 'cases' }) }));
    deleteVisit(store, visit.id);
    expect(refused({ visitId: visit.id })).toThrow(expect.objectContaining({ code: 'deleted', details: expect.objectContaining({ table: 'visits' }) }));
    expect(questionsOfCase(store, first.id)).toEqual([]);
  });

  it('through the API: the edits answer the list as it stands, the parent rule is worded, and Ctrl+Z undoes each edit', async () => {
    const backEnd = openBackEnd({ store: { file: path.join(temp.dir(), 'api.sqlite'), author: 'desk' }, demoDir: DEMO_DIR, version: 'test' });
    const changed: unknown[] = [];
    backEnd.on((event, payload) => void (event === 'store.changed' && changed.push(payload)));
    try {
      await backEnd.call('demo.import', {});
      const [first] = (await backEnd.call('cases.list', { country: 'VN' })) as { id: string }[];
      const call = (name: string, args: unknown) => backEnd.call(name, args) as Promise<Question[]>;
      const { id: one } = (await backEnd.call('question.add', { caseId: first.id.slice(0, 6), question: '入札の時期は？' })) as { id: string };
      const { id: two } = (await backEnd.call('question.add', { caseId: first.id, question: '日本の支援策は？', answer: '検討中', scope: 'government' })) as { id: string };
      expect(changed.at(-1)).toEqual({ tables: ['questions'] });
      await expect(backEnd.call('question.add', { question: '宙に浮いた質問' })).rejects.toMatchObject({ code: 'question_parent' });
      await expect(backEnd.call('question.add', { caseId: first.id, question: ' ' })).rejects.toMatchObject({
        code: 'text_required',
        details: { table: 'questions', field: 'question' },
      });

      expect(texts(await call('question.move', { id: two.slice(0, 6), to: 0 }))).toEqual(['日本の支援策は？', '入札の時期は？']);
      expect(await call('question.update', { id: one, values: { answer: '2021年度中' } })).toMatchObject([{ id: two }, { id: one, answer: '2021年度中' }]);
      expect(texts(await call('question.delete', { id: two }))).toEqual(['入札の時期は？']);

      // Ctrl+Z: the deletion, then the answer, then the move (both rows renumbered), then the second question.
      await backEnd.call('undo', {});
      expect(texts(await call('questions.list', { caseId: first.id }))).toEqual(['日本の支援策は？', '入札の時期は？']);
      await backEnd.call('undo', {});
      expect((await call('questions.list', { caseId: first.id }))[1].answer).toBe('');
      await backEnd.call('undo', {});
      expect(texts(await call('questions.list', { caseId: first.id }))).toEqual(['入札の時期は？', '日本の支援策は？']);
      await backEnd.call('undo', {});
      expect(texts(await call('questions.list', { caseId: first.id }))).toEqual(['入札の時期は？']);
      expect(changed.at(-1)).toEqual({ tables: ['questions'] });
    } finally {
      await backEnd.close();
    }
  });

  it('prints an answer meant for the government in a government pack, never in a council pack', () => {
    const store = imported();
    const smartCity = listCases(store, { country: 'VN' }).find((c) => c.sectorLabel === 'スマートシティ')!;
    updateCase(store, smartCity.id, { scope: 'council' });
    const visit = createVisit(store, { title: '総務大臣ベトナム訪問', country: 'VN', dates: '2021年5月', scope: 'council', caseIds: [smartCity.id] });
    addQuestion(store, { caseId: smartCity.id }, { question: '実証の規模は？', answer: '2都市で実施予定。' });
    addQuestion(store, { caseId: smartCity.id }, { question: '受注の見通しは？', answer: '先方予算の確定待ち（非公表）。', scope: 'government' });
    addQuestion(store, { visitId: visit.id }, { question: '共同声明の扱いは？', answer: '文言調整中（政府内限り）。', scope: 'government' });
    addQuestion(store, { visitId: visit.id }, { question: '記者会見の有無は？', answer: '予定なし。' });

    const pack = (audience: 'council' | 'government') => {
      const input = buildPackInput(store, { visitId: visit.id, audience, lang: 'ja', asOf: '2021-04-30', sections: ['questions'] });
      return { input, html: renderPackHtml(input, { fontFaceCss: '' }) };
    };
    const council = pack('council');
    expect(texts(council.input.visitQuestions)).toEqual(['記者会見の有無は？']);
    expect(texts(council.input.cases[0].questions)).toEqual(['実証の規模は？']);
    expect(council.html).toContain('2都市で実施予定。');
    expect(council.html).toContain('予定なし。');
    for (const hidden of ['受注の見通しは？', '先方予算の確定待ち', '共同声明の扱いは？', '文言調整中']) expect(council.html).not.toContain(hidden);

    const government = pack('government');
    expect(texts(government.input.visitQuestions)).toEqual(['共同声明の扱いは？', '記者会見の有無は？']);
    for (const shown of ['先方予算の確定待ち（非公表）。', '文言調整中（政府内限り）。', '2都市で実施予定。']) expect(government.html).toContain(shown);
  });
});
