import type { Question } from '../../shared/model/question';
import { statement } from './store/database';
import type { Store } from './store/store';
import { columnsOf, decodeRow } from './store/tables';

// 想定問答: anticipated questions with their answers, kept on a case or on a visit.

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
