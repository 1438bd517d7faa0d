import { KarteError } from '../../shared/errors';
import type { Question } from '../../shared/model/question';
import type { Scope } from '../../shared/scopes';
import { getCase } from './cases';
import { newId, resolveId } from './record-ids';
import { statement } from './store/database';
import { readRow, writeRows, type Change, type Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';
import { getVisit } from './visits';

// 想定問答: anticipated questions with their answers, kept on a case or on a visit.

/** What a question hangs on: a case or a visit, exactly one of the two. */
export interface QuestionParent {
  caseId?: string;
  visitId?: string;
}

/** The fields a person edits. */
export type QuestionValues = Partial<Pick<Question, 'question' | 'answer' | 'scope'>>;

function questionsWhere(store: Store, column: 'caseId' | 'visitId', id: string): Question[] {
  const rows = statement(store.db, `SELECT ${columnsOf('questions')} FROM questions WHERE ${column} = ? AND deleted = 0 ORDER BY position, id`).all(id) as Record<
    string,
    unknown
  >[];
  return rows.map((raw) => decodeRow('questions', raw));
}

/** A case's questions, in their order. */
export function questionsOfCase(store: Store, caseId: string): Question[] {
  return questionsWhere(store, 'caseId', caseId);
}

/** A visit's questions, in their order. */
export function questionsOfVisit(store: Store, visitId: string): Question[] {
  return questionsWhere(store, 'visitId', visitId);
}

/** The live case or visit a question goes on, with the scope a new question starts from. */
function liveParent(store: Store, parent: QuestionParent): { caseId: string | null; visitId: string | null; scope: Scope } {
  if ((parent.caseId === undefined) === (parent.visitId === undefined))
    throw new KarteError('question_parent', 'a question belongs to exactly one case or one visit', { table: 'questions' });
  if (parent.caseId !== undefined) {
    const found = getCase(store, parent.caseId).case;
    return { caseId: found.id, visitId: null, scope: found.scope };
  }
  const visit = getVisit(store, parent.visitId!);
  return { caseId: null, visitId: visit.id, scope: visit.scope };
}

/** The questions of the case or visit a question is (or goes) on, in their order. */
export function questionsBeside(store: Store, question: Pick<Question, 'caseId' | 'visitId'>): Question[] {
  return question.caseId !== null ? questionsOfCase(store, question.caseId) : questionsOfVisit(store, question.visitId!);
}

/** The questions of a live case or visit, in their order. */
export function questionsOf(store: Store, parent: QuestionParent): Question[] {
  return questionsBeside(store, liveParent(store, parent));
}

export function getQuestion(store: Store, idOrPrefix: string): Question {
  const found = readRow(store, 'questions', resolveId(store, 'questions', idOrPrefix));
  if (!found || found.deleted) throw new KarteError('deleted', `question ${idOrPrefix} has been deleted`, { table: 'questions', record: idOrPrefix });
  return found;
}

function requireQuestion(text: string | undefined): void {
  if (text !== undefined && text.trim() === '') throw new KarteError('text_required', 'a question needs its text', { table: 'questions', field: 'question' });
}

/** A new question goes last; its scope is its case's or visit's unless given. */
export function addQuestion(store: Store, parent: QuestionParent, values: QuestionValues & Pick<Question, 'question'>): { id: string; changes: Change[] } {
  requireQuestion(values.question);
  const { scope, ...where } = liveParent(store, parent);
  const position = questionsBeside(store, where).reduce((last, q) => Math.max(last, q.position + 1), 0);
  const id = newId();
  return { id, changes: writeRows(store, [{ table: 'questions', id, values: { ...values, scope: values.scope ?? scope, ...where, position } }]) };
}

export function updateQuestion(store: Store, idOrPrefix: string, values: QuestionValues): Change[] {
  requireQuestion(values.question);
  const { id } = getQuestion(store, idOrPrefix);
  return writeRows(store, [{ table: 'questions', id, values }]);
}

/** Deleting keeps a tombstone, so the deletion syncs and stays in the history. */
export function deleteQuestion(store: Store, idOrPrefix: string): Change[] {
  const { id } = getQuestion(store, idOrPrefix);
  return writeRows(store, [{ table: 'questions', id, values: { deleted: true } }]);
}

/**
 * Moves a question to place `to` (0 first) among its case's or visit's, in one write: the questions numbered in
 * their new order, only those whose number changes written.
 */
export function moveQuestion(store: Store, idOrPrefix: string, to: number): Change[] {
  const question = getQuestion(store, idOrPrefix);
  const others = questionsBeside(store, question).filter((q) => q.id !== question.id);
  const at = Math.max(0, Math.min(to, others.length));
  const order = [...others.slice(0, at), question, ...others.slice(at)];
  return writeRows(
    store,
    order.flatMap((q, position) => (q.position === position ? [] : [{ table: 'questions' as const, id: q.id, values: { position } }])),
  );
}
