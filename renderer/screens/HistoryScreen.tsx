import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HistoryEntry } from '../../shared/views';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { FieldValue, shortened } from '../components/FieldValue';
import { fieldNamespace, recordKindLabel } from '../labels';
import { usePreferences } from '../stores/preferences';
import './HistoryScreen.css';

// The change log of a case and its events: when, who, what, old → new. A record's creation is one line; an undo
// (Ctrl+Z) is marked as one, so it does not read as somebody changing their mind.

/** One line of the log: the fields of one write to one record. */
interface Edit {
  key: string;
  at: string;
  author: string;
  authorName: string;
  undo: boolean;
  table: HistoryEntry['table'];
  rowId: string;
  created: boolean;
  changes: HistoryEntry[];
}

/** Groups the log into writes, newest first (the back end gives it oldest first). */
function editsOf(history: HistoryEntry[]): Edit[] {
  const edits = new Map<string, Edit>();
  for (const entry of history) {
    const key = `${entry.hlc} ${entry.rowId}`;
    const edit = edits.get(key) ?? {
      key,
      at: entry.at,
      author: entry.author,
      authorName: entry.authorName,
      undo: entry.undo,
      table: entry.table,
      rowId: entry.rowId,
      created: entry.created,
      changes: [],
    };
    edit.changes.push(entry);
    edits.set(key, edit);
  }
  return [...edits.values()].reverse();
}

/** The field that names a record of each kind in the log: an event's text, an indicator's statement, … */
const NAMING_FIELDS: Partial<Record<HistoryEntry['table'], string>> = { events: 'text', indicators: 'statement', hurdles: 'description', plan_revisions: 'label' };

/** The latest text each event (or plan part) had, to name it in the log even after it was deleted. */
function recordTexts(history: HistoryEntry[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of history) if (entry.field === NAMING_FIELDS[entry.table] && typeof entry.value === 'string' && entry.value !== '') texts.set(entry.rowId, entry.value);
  return texts;
}

export function HistoryScreen() {
  const { id = '' } = useParams();
  const history = useApi('history.case', { id });
  const detail = useApi('case.get', { id });
  const { t } = useTranslation('history');
  return (
    <div className="history">
      <nav className="history-nav">
        <Link to={`/case/${id}`}>{t('backToCase', { title: detail.data?.case.title ?? '' })}</Link>
      </nav>
      <h1>
        {t('title')} {detail.data && <span className="muted case-name">{detail.data.case.title}</span>}
      </h1>
      <ApiView state={history}>{(entries) => <HistoryTable entries={entries} />}</ApiView>
    </div>
  );
}

function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation(['history', 'case']);
  const language = usePreferences((s) => s.language);
  const edits = useMemo(() => editsOf(entries), [entries]);
  const texts = useMemo(() => recordTexts(entries), [entries]);
  const when = useMemo(() => new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }), [language]);
  if (edits.length === 0) return <p className="muted">{t('noChanges')}</p>;

  const recordName = (edit: Edit) => {
    if (edit.table === 'events') return t('event', { text: shortened(texts.get(edit.rowId) ?? edit.rowId) });
    const text = texts.get(edit.rowId);
    return text === undefined ? recordKindLabel(edit.table, language) : t('part', { kind: recordKindLabel(edit.table, language), text: shortened(text) });
  };
  const fieldName = (edit: Edit, field: string) => t(`${fieldNamespace(edit.table)}.${field}`, { defaultValue: field });

  return (
    <table className="grid history-table">
      <thead>
        <tr>
          <th scope="col">{t('when')}</th>
          <th scope="col">{t('who')}</th>
          <th scope="col">{t('what')}</th>
          <th scope="col">{t('change')}</th>
        </tr>
      </thead>
      <tbody>
        {edits.map((edit) => (
          <tr key={edit.key} className={edit.created ? 'created' : edit.undo ? 'undo' : undefined}>
            <td className="when">
              <time dateTime={edit.at}>{when.format(new Date(edit.at))}</time>
            </td>
            {/* The login the log holds, on hover, where a name stands for it. */}
            <td title={edit.authorName === edit.author ? undefined : edit.author}>{edit.authorName}</td>
            <td>{recordName(edit)}</td>
            <td>
              {edit.undo && (
                <span className="undo-mark" title={t('undoHint')}>
                  {t('undo')}
                </span>
              )}
              {edit.created ? (
                <span className="created-line">
                  {t('created')}
                  {edit.changes
                    .filter((c) => ['phase', 'date', 'status', 'scope'].includes(c.field))
                    .map((c) => (
                      <span key={c.field} className="created-field">
                        {fieldName(edit, c.field)}: <FieldValue field={c.field} value={c.value} language={language} />
                      </span>
                    ))}
                </span>
              ) : (
                <ul className="changes">
                  {edit.changes.map((c) =>
                    c.field === 'deleted' ? (
                      <li key={c.field}>{t(c.value ? 'deleted' : 'restored')}</li>
                    ) : (
                      <li key={c.field}>
                        <span className="field">{fieldName(edit, c.field)}</span> <FieldValue field={c.field} value={c.old} language={language} /> →{' '}
                        <FieldValue field={c.field} value={c.value} language={language} />
                      </li>
                    ),
                  )}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
