import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportProgress, ImportReport } from '../../shared/views';
import { call, on } from '../api/client';
import { envelopeOf, problemText, useErrorText } from '../api/error-text';
import { TableImport } from '../components/TableImport';
import { fileAsBase64 } from '../file-bytes';
import './ImportScreen.css';

/** A picked file: its bytes in base64, as the back end reads them (it tells UTF-8 from Shift_JIS), and its text. */
interface PickedFile {
  name: string;
  data: string;
  text: string;
}

async function picked(file: File): Promise<PickedFile> {
  return { name: file.name, data: await fileAsBase64(file), text: await file.text() };
}

/** One problem as the screen lists it: the file and the place in it (none for the whole file), and what to do. */
interface Problem {
  file: string | null;
  where: string | null;
  text: string;
}

type Outcome = { ok: true; report: ImportReport } | { ok: false; problems: Problem[] };

/** The country and sector a case of a karte file names, so an error points at a case people recognise. */
function caseName(content: string | undefined, index: number): string {
  try {
    const c = (JSON.parse(content ?? '') as { cases?: { country?: unknown; sector?: unknown }[] }).cases?.[index];
    return [c?.country, c?.sector].filter((part) => typeof part === 'string' && part !== '').join(' ');
  } catch {
    return '';
  }
}

function ProblemItem({ problem, content }: { problem: Problem; content: string | undefined }) {
  const { t } = useTranslation('import');
  const parts: ReactNode[] = [];
  for (const [i, segment] of (problem.where?.split('.') ?? []).entries()) {
    const [, field, index] = segment.match(/^(\w+)(?:\[(\d+)\])?$/) ?? [];
    const n = Number(index) + 1;
    if (i > 0) parts.push(' › ');
    if (field === 'cases' && index !== undefined) {
      const name = caseName(content, Number(index));
      parts.push(name === '' ? t('where.case', { n }) : t('where.namedCase', { n, name }));
    } else if (field === 'events' && index !== undefined) parts.push(t('where.event', { n }));
    else parts.push(<code key={i}>{segment}</code>);
  }
  return (
    <li>
      {problem.file && <strong className="file">{problem.file}</strong>}
      {problem.where && (
        <span className="where" title={problem.where}>
          {parts}
        </span>
      )}
      <span className="message">{problem.text}</span>
    </li>
  );
}

function ProgressBar({ progress }: { progress: ImportProgress | null }) {
  const { t } = useTranslation('import');
  if (progress === null) return <progress aria-label={t('progress.starting')} />;
  const value = (progress.fileIndex + (progress.caseCount === 0 ? 1 : progress.caseIndex / progress.caseCount)) / progress.fileCount;
  const text = t('progress.text', {
    file: progress.fileIndex + 1,
    files: progress.fileCount,
    name: progress.file,
    case: progress.caseIndex,
    cases: progress.caseCount,
  });
  return (
    <div className="import-progress">
      <progress max={1} value={value} aria-label={text} />
      <span>{text}</span>
    </div>
  );
}

/** インポート: karte JSON files picked by the user, or the bundled demo tables, all or nothing. */
export function ImportScreen() {
  const { t } = useTranslation('import');
  const errorText = useErrorText();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Remounting the input clears it, so the same files can be picked again after fixing them.
  const [inputKey, setInputKey] = useState(0);

  useEffect(() => on('import.progress', setProgress), []);

  const pick = async (list: FileList | null) => {
    setOutcome(null);
    setFiles(await Promise.all([...(list ?? [])].map(picked)));
  };

  const run = (request: () => Promise<ImportReport>) => {
    setBusy(true);
    setProgress(null);
    setOutcome(null);
    request()
      .then((report) => {
        setOutcome({ ok: true, report });
        setFiles([]);
        setInputKey((k) => k + 1);
      })
      .catch((error: unknown) => {
        const envelope = envelopeOf(error);
        const problems = envelope.details.problems?.map((p) => ({ file: p.file, where: p.where === '' ? null : p.where, text: problemText(t, p) }));
        setOutcome({ ok: false, problems: problems ?? [{ file: null, where: null, text: errorText(error) }] });
      })
      .finally(() => setBusy(false));
  };

  const fileNames = files.map((f) => f.name);
  return (
    <section className="import-screen">
      <h1>{t('title')}</h1>
      <div className="panel">
        <h2>{t('files.heading')}</h2>
        <p className="muted">{t('files.intro')}</p>
        <p>
          <label>
            {t('files.pick')} <input key={inputKey} type="file" multiple accept=".json,application/json" disabled={busy} onChange={(e) => void pick(e.target.files)} />
          </label>
        </p>
        {files.length > 0 && (
          <p>
            <button className="primary" disabled={busy} onClick={() => run(() => call('import.files', { files: files.map(({ name, data }) => ({ name, data })) }))}>
              {t('files.import', { count: files.length })}
            </button>{' '}
            <span className="muted">{fileNames.join(', ')}</span>
          </p>
        )}
      </div>

      <TableImport />

      <div className="panel">
        <h2>{t('demo.heading')}</h2>
        <p className="muted">{t('demo.intro')}</p>
        <button disabled={busy} onClick={() => run(() => call('demo.import', {}))}>
          {t('demo.button')}
        </button>
      </div>

      {busy && <ProgressBar progress={progress} />}

      {outcome?.ok === true && (
        <div className="panel import-done" role="status">
          <p>{t('done.added', { cases: outcome.report.casesAdded, events: outcome.report.eventsAdded, dossiers: outcome.report.dossiersAdded, files: outcome.report.files })}</p>
          {(outcome.report.casesKept > 0 || outcome.report.eventsKept > 0) && <p>{t('done.kept', { cases: outcome.report.casesKept, events: outcome.report.eventsKept })}</p>}
          <p>
            <Link to="/countries">{t('done.openCountries')}</Link>
          </p>
        </div>
      )}

      {outcome?.ok === false && (
        <div className="panel import-failed" role="alert">
          <h2>{t('failed.heading')}</h2>
          <p>{t('failed.nothingImported')}</p>
          <ul className="problems">
            {outcome.problems.map((problem, i) => (
              <ProblemItem key={i} problem={problem} content={files.find((f) => f.name === problem.file)?.text} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
