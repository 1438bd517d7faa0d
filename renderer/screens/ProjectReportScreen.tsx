import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiArgs } from '../../shared/api';
import { dayOf, formatDate, parseDateText, type DateStyle, type KarteDate } from '../../shared/dates';
import type { Scope } from '../../shared/scopes';
import type { SnapshotInfo } from '../../shared/views';
import { call } from '../api/client';
import { useErrorText } from '../api/error-text';
import { useApi, type ApiState } from '../api/use-api';
import { ApiView } from '../components/ApiView';
import { AudienceField, LanguageField, PrintActions, PrintField, PrintPreview, usePrinting, type DocumentLanguage } from '../components/PrintDocument';
import { useNotices } from '../stores/notices';
import { dateStyleOf, usePreferences } from '../stores/preferences';
import './ProjectReportScreen.css';
import { DayInput } from '../components/DayInput';

// The follow-up report of the 20 priority projects (#/projects/report): for an audience, in a language, as of a
// day, what moved since a date or since a snapshot; previewed as it will print and exported as an A4 PDF, as the
// briefing packs are. Beside it the snapshots of this device: take one (e.g. at the end of a 年度), see them all.

type ReportRequest = ApiArgs<'projectReport.preview'>;

/** 'YYYY-MM-DD' as the user reads dates (西暦 or 和暦, Japanese or English). */
function dayText(day: string, style: DateStyle): string {
  return formatDate(parseDateText(day) as KarteDate, style);
}

/** The same day a year before `day` ('YYYY-MM-DD'); 29 February falls on 1 March. */
function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
}

export function ProjectReportScreen() {
  const { t } = useTranslation('projects');
  const snapshots = useApi('snapshots.list', {});
  return (
    <article className="project-report-screen">
      <nav className="report-nav" aria-label={t('related')}>
        <Link to="/projects">{t('backToList')}</Link>
      </nav>
      <h1>{t('report.title')}</h1>
      <p className="definition">{t('report.intro')}</p>
      <ReportForm snapshots={snapshots.data ?? []} beside={<Snapshots state={snapshots} />} />
    </article>
  );
}

/** The report's settings, `beside` them the snapshots, and the preview under both. */
function ReportForm({ snapshots, beside }: { snapshots: SnapshotInfo[]; beside: ReactNode }) {
  const { t } = useTranslation('projects');
  const language = usePreferences((s) => s.language);
  const style = usePreferences((s) => dateStyleOf(s.language, s.warekiDates));
  const [audience, setAudience] = useState<Scope>('government');
  const [lang, setLang] = useState<DocumentLanguage>(language);
  const [asOf, setAsOf] = useState(() => dayOf(new Date()));
  // What moved in the last 12 months, until a snapshot or another day is chosen.
  const [since, setSince] = useState(() => yearBefore(dayOf(new Date())));
  const [snapshotId, setSnapshotId] = useState<number | null>(null);

  const request: ReportRequest = { audience, lang, since, asOf, ...(snapshotId === null ? {} : { snapshotId }) };
  const printing = usePrinting({
    request,
    preview: (r: ReportRequest) => call('projectReport.preview', r),
    exportDocument: (r: ReportRequest) => call('projectReport.export', r),
    failed: (message) => t('report.failed', { message }),
  });
  // Days compare as text ('YYYY-MM-DD'); the back end refuses a start after the report's day, the form says so first.
  const sinceAfterAsOf = since !== '' && asOf !== '' && since > asOf;
  const chooseSnapshot = (value: string) => {
    const snapshot = snapshots.find((s) => String(s.id) === value);
    setSnapshotId(snapshot?.id ?? null);
    if (snapshot) setSince(snapshot.asOf);
  };

  return (
    <>
      <div className="report-columns">
        <section className="panel report-settings" aria-labelledby="report-settings-heading">
          <h2 id="report-settings-heading">{t('report.settings')}</h2>
          <AudienceField id="report-audience" value={audience} lang={lang} onChange={setAudience} />
          <LanguageField id="report-lang" value={lang} onChange={setLang} />
          <PrintField id="report-as-of" label={t('common:print.asOf')}>
            <DayInput id="report-as-of" value={asOf} required onChange={setAsOf} />
          </PrintField>
          <PrintField id="report-snapshot" label={t('report.snapshot')}>
            <select id="report-snapshot" value={snapshotId ?? ''} onChange={(e) => chooseSnapshot(e.target.value)}>
              <option value="">{t('report.noSnapshot')}</option>
              {snapshots.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('report.snapshotOption', { label: s.label, asOf: dayText(s.asOf, style) })}
                </option>
              ))}
            </select>
          </PrintField>
          <PrintField id="report-since" label={t('report.since')}>
            <DayInput
              id="report-since"
              value={since}
              required
              aria-invalid={sinceAfterAsOf}
              aria-describedby={sinceAfterAsOf ? 'report-since-error' : undefined}
              onChange={setSince}
            />
          </PrintField>
          {sinceAfterAsOf && (
            <p id="report-since-error" className="error">
              {t('report.sinceAfterAsOf')}
            </p>
          )}
          <PrintActions printing={printing} disabled={asOf === '' || since === '' || sinceAfterAsOf} />
        </section>
        {beside}
      </div>
      <PrintPreview printing={printing} title={t('report.previewTitle')} caption={() => t('report.previewNote')} />
    </>
  );
}

/** The snapshots of this device, newest day first, and a form to take one. */
function Snapshots({ state }: { state: ApiState<SnapshotInfo[]> }) {
  const { t } = useTranslation('projects');
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const [asOf, setAsOf] = useState(() => dayOf(new Date()));
  const [label, setLabel] = useState('');
  const [taking, setTaking] = useState(false);

  const take = (e: FormEvent) => {
    e.preventDefault();
    setTaking(true);
    call('snapshot.take', { asOf, label: label.trim() })
      .then((taken) => {
        show('info', t('snapshots.taken', { label: taken.label, count: taken.cases }));
        setLabel('');
        // Snapshots are this device's own, not records: no change event announces them.
        state.reload();
      })
      .catch((error: unknown) => show('error', t('snapshots.failed', { message: errorText(error) })))
      .finally(() => setTaking(false));
  };

  return (
    <section className="panel report-snapshots" aria-labelledby="snapshots-heading">
      <h2 id="snapshots-heading">{t('snapshots.heading')}</h2>
      <p className="definition">{t('snapshots.definition')}</p>
      <form className="snapshot-form" onSubmit={take} aria-label={t('snapshots.take')}>
        <DayInput label={t('snapshots.asOf')} value={asOf} required onChange={setAsOf} />
        <label className="snapshot-label">
          {t('snapshots.label')}
          <input value={label} maxLength={200} required placeholder={t('snapshots.labelPlaceholder')} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <button type="submit" disabled={taking || asOf === '' || label.trim() === ''}>
          {taking ? t('snapshots.taking') : t('snapshots.take')}
        </button>
      </form>
      <ApiView state={state}>{(snapshots) => <SnapshotTable snapshots={snapshots} />}</ApiView>
    </section>
  );
}

function SnapshotTable({ snapshots }: { snapshots: SnapshotInfo[] }) {
  const { t } = useTranslation('projects');
  const language = usePreferences((s) => s.language);
  const style = usePreferences((s) => dateStyleOf(s.language, s.warekiDates));
  const when = useMemo(() => new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }), [language]);
  if (snapshots.length === 0) return <p className="muted">{t('snapshots.empty')}</p>;
  return (
    <table className="grid snapshot-table" aria-labelledby="snapshots-heading">
      <thead>
        <tr>
          <th scope="col">{t('snapshots.column.label')}</th>
          <th scope="col">{t('snapshots.column.asOf')}</th>
          <th scope="col" className="num">
            {t('snapshots.column.cases')}
          </th>
          <th scope="col">{t('snapshots.column.takenAt')}</th>
          <th scope="col">{t('snapshots.column.author')}</th>
        </tr>
      </thead>
      <tbody>
        {snapshots.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.label}</th>
            <td className="nowrap">
              <time dateTime={s.asOf}>{dayText(s.asOf, style)}</time>
            </td>
            <td className="num">{s.cases}</td>
            <td className="nowrap">
              <time dateTime={s.takenAt}>{when.format(new Date(s.takenAt))}</time>
            </td>
            <td>{s.author}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
