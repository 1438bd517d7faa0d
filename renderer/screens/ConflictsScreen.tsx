import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api/error-text';
import { Link } from 'react-router';
import type { ApiArgs } from '../../shared/api';
import type { ConflictSideView, ConflictView } from '../../shared/sync/status';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { countryName, fieldNamespace, recordKindLabel } from '../labels';
import { useNotices } from '../stores/notices';
import { usePreferences, type Language } from '../stores/preferences';
import { useSync } from '../stores/sync';
import { FieldValue } from '../components/FieldValue';
import './ConflictsScreen.css';

// The conflicts inbox: values of this user that a colleague's offline edit replaced. For each, the record, the field,
// both values with their authors and times; the user keeps one or writes a merge, which syncs like any edit.

/** The kinds of record whose fields the UI texts name. */
const NAMED_TABLES = new Set(['cases', 'events', 'visits', 'dossiers', 'plans', 'indicators', 'indicator_periods', 'hurdles', 'plan_revisions']);

/** The parts of a case's deployment plan, shown on its case page at the plan. */
const PLAN_TABLES = new Set(['plans', 'indicators', 'indicator_periods', 'hurdles', 'plan_revisions']);

/** Fields whose values are codes of a vocabulary, shown by their labels. */
const CODED_FIELDS = new Set(['status', 'phase', 'scope', 'kind', 'level', 'measure', 'direction']);

/** The record the conflict is about, linked to the screen that shows it. */
function RecordLink({ conflict, language }: { conflict: ConflictView; language: Language }) {
  const { table, rowId, record } = conflict;
  const to =
    table === 'cases' || table === 'events'
      ? record.caseId && `/case/${record.caseId}`
      : PLAN_TABLES.has(table)
        ? record.caseId && `/case/${record.caseId}?plan=${rowId}`
        : table === 'visits'
          ? `/visit/${rowId}`
          : table === 'dossiers'
            ? record.country && `/dossier/${record.country}`
            : null;
  const label = table === 'dossiers' && record.country ? countryName(record.country, language) : record.label;
  return to ? <Link to={to}>{label}</Link> : <>{label}</>;
}

function Side({ heading, side, field, language }: { heading: string; side: ConflictSideView; field: string; language: Language }) {
  const { t } = useTranslation('sync');
  const when = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(side.at));
  return (
    <section className="conflict-side" aria-label={heading}>
      <h3>{heading}</h3>
      {/* Text in full: deciding between two texts needs all of both. */}
      <div className="conflict-value">
        {typeof side.value === 'string' && side.value !== '' && !CODED_FIELDS.has(field) ? side.value : <FieldValue field={field} value={side.value} language={language} />}
      </div>
      <p className="muted">
        {t('conflicts.by', { author: side.author })}
        <time dateTime={side.at}>{when}</time>
      </p>
    </section>
  );
}

function ConflictCard({ conflict }: { conflict: ConflictView }) {
  const { t } = useTranslation('sync');
  const errorText = useErrorText();
  const language = usePreferences((s) => s.language);
  const update = useSync((s) => s.update);
  const show = useNotices((s) => s.show);
  const [merged, setMerged] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { mine, theirs } = conflict;
  const texts = typeof mine.value === 'string' && typeof theirs.value === 'string' && !CODED_FIELDS.has(conflict.field);

  const resolve = (args: ApiArgs<'conflict.resolve'>) => {
    setBusy(true);
    setFailure(null);
    call('conflict.resolve', args)
      .then((status) => {
        update(status);
        show('info', t('conflicts.resolved'));
      })
      .catch((error: unknown) => setFailure(errorText(error)))
      .finally(() => setBusy(false));
  };
  const fieldName = NAMED_TABLES.has(conflict.table) ? t(`${fieldNamespace(conflict.table)}.${conflict.field}`, { defaultValue: conflict.field }) : conflict.field;
  const headingId = `conflict-${conflict.id}`;

  let actions: ReactNode;
  if (merged === null) {
    actions = (
      <p className="conflict-actions">
        <button disabled={busy} onClick={() => resolve({ id: conflict.id, resolution: 'mine' })}>
          {t('conflicts.keepMine')}
        </button>
        <button disabled={busy} onClick={() => resolve({ id: conflict.id, resolution: 'theirs' })}>
          {t('conflicts.keepTheirs')}
        </button>
        {texts && (
          // Both texts, one after the other: the user keeps what belongs and deletes the rest.
          <button disabled={busy} onClick={() => setMerged(`${String(mine.value)}\n\n${String(theirs.value)}`)}>
            {t('conflicts.editMerge')}
          </button>
        )}
      </p>
    );
  } else {
    actions = (
      <div className="conflict-merge">
        <label>
          {t('conflicts.merged')}
          <textarea rows={6} value={merged} onChange={(e) => setMerged(e.target.value)} />
        </label>
        <p className="conflict-actions">
          <button className="primary" disabled={busy} onClick={() => resolve({ id: conflict.id, resolution: 'merged', merged })}>
            {t('conflicts.saveMerge')}
          </button>
          <button disabled={busy} onClick={() => setMerged(null)}>
            {t('conflicts.cancel')}
          </button>
        </p>
      </div>
    );
  }

  return (
    <article className="panel conflict" aria-labelledby={`${headingId} ${headingId}-field`}>
      <h2 id={headingId}>
        <span className="muted conflict-kind">{recordKindLabel(conflict.table, language)}</span> <RecordLink conflict={conflict} language={language} />
      </h2>
      <p className="conflict-field" id={`${headingId}-field`}>
        {t('conflicts.field', { field: fieldName })}
      </p>
      <div className="conflict-sides">
        <Side heading={t('conflicts.mine')} side={mine} field={conflict.field} language={language} />
        <Side heading={t('conflicts.theirs')} side={theirs} field={conflict.field} language={language} />
      </div>
      {actions}
      {failure && (
        <p role="alert" className="error">
          {t('conflicts.failed', { message: failure })}
        </p>
      )}
    </article>
  );
}

export function ConflictsScreen() {
  const { t } = useTranslation('sync');
  // Reloads whenever records change: a sync brings new conflicts, a resolution closes one.
  const conflicts = useApi('conflicts.list', {});
  return (
    <div className="conflicts-screen">
      <h1>{t('conflicts.title')}</h1>
      <p className="muted">{t('conflicts.intro')}</p>
      <ApiView state={conflicts}>
        {(list) => (list.length === 0 ? <p className="muted">{t('conflicts.empty')}</p> : list.map((c) => <ConflictCard key={c.id} conflict={c} />))}
      </ApiView>
    </div>
  );
}
