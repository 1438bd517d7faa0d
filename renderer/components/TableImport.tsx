import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../shared/errors';
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole } from '../../shared/excel/column-roles';
import { isPhase } from '../../shared/phases';
import type { TableImportProgress, TablePreview, UnrecognisedSheet } from '../../shared/views';
import { phaseLabel, recordKindLabel } from '../labels';
import { usePreferences } from '../stores/preferences';
import { call, on } from '../api/client';
import { envelopeOf, fieldName, problemText, useErrorText } from '../api/error-text';
import { fileAsBase64 } from '../file-bytes';

// Excel and CSV tables: Karte's own exports (a row per case and per event, with their ids) and the 別表 sheets desk
// officers keep. Picking files shows what importing them would add and change, field by field, and their problems
// by sheet, row and column; nothing is written until the user imports, all or nothing, undoable with Ctrl+Z.

type Encoding = '' | 'utf-8' | 'shift_jis';

interface Picked {
  name: string;
  data: string;
}

type State =
  | { kind: 'idle' }
  | { kind: 'previewing' }
  | { kind: 'preview'; preview: TablePreview }
  | { kind: 'importing'; preview: TablePreview }
  | { kind: 'done'; preview: TablePreview }
  | { kind: 'failed'; message: string };

function CellProblem({ problem }: { problem: ImportProblem }) {
  const { t } = useTranslation('import');
  const where = problem.cell ? t('tables.cell', { sheet: problem.cell.sheet, row: problem.cell.row, column: problem.cell.column || '—' }) : problem.file;
  return (
    <li>
      <strong className="file">{where}</strong> <span className="message">{problemText(t, problem)}</span>
    </li>
  );
}

export function TableImport() {
  const { t } = useTranslation('import');
  const errorText = useErrorText();
  const [files, setFiles] = useState<Picked[]>([]);
  const [encoding, setEncoding] = useState<Encoding>('');
  const [acceptUnreadDates, setAcceptUnreadDates] = useState(false);
  const [deleteMissing, setDeleteMissing] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [progress, setProgress] = useState<TableImportProgress | null>(null);
  const [inputKey, setInputKey] = useState(0);

  useEffect(() => on('import.tableProgress', setProgress), []);

  const request = (picked: Picked[], chosen: Encoding, accept: boolean, mapping?: ColumnMapping) => ({
    files: picked.map((f) => ({ ...f, encoding: chosen === '' ? undefined : chosen })),
    acceptUnreadDates: accept,
    mapping,
  });
  const preview = (picked: Picked[], chosen: Encoding, accept: boolean, mapping?: ColumnMapping) => {
    if (picked.length === 0) return;
    setProgress(null);
    setDeleteMissing(false);
    setState({ kind: 'previewing' });
    call('import.tablesPreview', request(picked, chosen, accept, mapping))
      .then((result) => setState({ kind: 'preview', preview: result }))
      .catch((error: unknown) => setState({ kind: 'failed', message: errorText(envelopeOf(error)) }));
  };
  const pick = async (list: FileList | null) => {
    const picked = await Promise.all([...(list ?? [])].map(async (file) => ({ name: file.name, data: await fileAsBase64(file) })));
    setFiles(picked);
    preview(picked, encoding, acceptUnreadDates);
  };
  const apply = (shown: TablePreview) => {
    setProgress(null);
    setState({ kind: 'importing', preview: shown });
    call('import.tables', { ...request(files, encoding, acceptUnreadDates), deleteMissing })
      .then((result) => {
        setState({ kind: 'done', preview: result });
        setFiles([]);
        setInputKey((k) => k + 1);
      })
      .catch((error: unknown) => setState({ kind: 'failed', message: errorText(envelopeOf(error)) }));
  };

  const shown = state.kind === 'preview' || state.kind === 'importing' || state.kind === 'done' ? state.preview : null;
  const hasCsv = files.some((f) => f.name.toLowerCase().endsWith('.csv'));
  return (
    <div className="panel table-import">
      <h2>{t('tables.heading')}</h2>
      <p className="muted">{t('tables.intro')}</p>
      <p>
        <label>
          {t('tables.pick')}{' '}
          <input
            key={inputKey}
            type="file"
            multiple
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            disabled={state.kind === 'importing'}
            onChange={(e) => void pick(e.target.files)}
          />
        </label>
      </p>
      {files.length > 0 && (
        <p className="options">
          {hasCsv && (
            <label>
              {t('tables.encoding')}{' '}
              <select
                value={encoding}
                onChange={(e) => {
                  const chosen = e.target.value as Encoding;
                  setEncoding(chosen);
                  preview(files, chosen, acceptUnreadDates);
                }}
              >
                <option value="">{t('tables.encodingAuto')}</option>
                <option value="utf-8">UTF-8</option>
                <option value="shift_jis">Shift_JIS</option>
              </select>
            </label>
          )}{' '}
          <label>
            <input
              type="checkbox"
              checked={acceptUnreadDates}
              onChange={(e) => {
                setAcceptUnreadDates(e.target.checked);
                preview(files, encoding, e.target.checked);
              }}
            />{' '}
            {t('tables.acceptUnreadDates')}
          </label>
        </p>
      )}
      {state.kind === 'previewing' && <ProgressBar progress={progress} label={t('tables.previewing')} />}
      {state.kind === 'failed' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {shown && <PreviewView preview={shown} done={state.kind === 'done'} />}
      {state.kind === 'preview' && state.preview.problems.length === 0 && state.preview.missing.cases + state.preview.missing.events > 0 && (
        <p>
          <label>
            <input type="checkbox" checked={deleteMissing} onChange={(e) => setDeleteMissing(e.target.checked)} />{' '}
            {t('tables.deleteMissing', { count: state.preview.missing.cases + state.preview.missing.events })}
          </label>
        </p>
      )}
      {state.kind === 'preview' &&
        state.preview.unrecognised.map((sheet) => (
          <ColumnMapper key={`${sheet.file} ${sheet.sheet}`} sheet={sheet} onMap={(mapping) => preview(files, encoding, acceptUnreadDates, mapping)} />
        ))}
      {state.kind === 'importing' && <ProgressBar progress={progress} label={t('tables.importing')} />}
      {state.kind === 'preview' && state.preview.problems.length === 0 && (
        <p>
          <button className="primary" onClick={() => apply(state.preview)}>
            {t('tables.import')}
          </button>
        </p>
      )}
    </div>
  );
}

/** How far the back end has come: a bar and its counts ("書き込んでいます（1,000 / 44,000 件）"), or a busy bar until it says. */
function ProgressBar({ progress, label }: { progress: TableImportProgress | null; label: string }) {
  const { t } = useTranslation('import');
  const language = usePreferences((s) => s.language);
  if (progress === null) return <progress aria-label={label} />;
  const count = (n: number) => n.toLocaleString(language);
  const text = t(`tables.progress.${progress.stage}`, { done: count(progress.done), total: count(progress.total) });
  return (
    <div className="import-progress">
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={text} />
      <span>{text}</span>
    </div>
  );
}

function PreviewView({ preview, done }: { preview: TablePreview; done: boolean }) {
  const { t } = useTranslation('import');
  const language = usePreferences((s) => s.language);
  return (
    <div className="table-preview" role={done ? 'status' : undefined}>
      <p>{done ? t('tables.done') : t('tables.previewHeading')}</p>
      <ul>
        {[...preview.sheets, ...preview.council.sheets].map((s) => (
          <li key={`${s.file} ${s.sheet}`}>{t('tables.sheet', { file: s.file, sheet: s.sheet, kind: t(`tables.kind.${s.kind}`), rows: s.rows })}</li>
        ))}
      </ul>
      <table className="grid counts">
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">{t('tables.added')}</th>
            <th scope="col">{t('tables.changed')}</th>
            <th scope="col">{t('tables.unchanged')}</th>
            <th scope="col">{t('tables.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.sheets.length > 0 &&
            (['cases', 'events'] as const).map((table) => (
              <tr key={table}>
                <th scope="row">{recordKindLabel(table, language)}</th>
                <td className="num">{preview.added[table]}</td>
                <td className="num">{preview.changed[table]}</td>
                <td className="num">{preview.unchanged[table]}</td>
                <td className="num">{preview.missing[table]}</td>
              </tr>
            ))}
          {preview.council.sheets.length > 0 && <CouncilCounts council={preview.council} />}
        </tbody>
      </table>
      {preview.fieldChanges.length > 0 && (
        <table className="grid changes" aria-label={t('tables.changesHeading')}>
          <thead>
            <tr>
              <th scope="col">{t('tables.recordColumn')}</th>
              <th scope="col">{t('tables.field')}</th>
              <th scope="col">{t('tables.before')}</th>
              <th scope="col">{t('tables.after')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.fieldChanges.map((c) => (
              <tr key={`${c.id} ${c.field}`}>
                <td>{c.label}</td>
                <td>{fieldName(t, c.table, c.field)}</td>
                <td className="before">{c.before}</td>
                <td className="after">{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.removals.length > 0 && (
        <details className="removals">
          <summary>{t('tables.removalsHeading')}</summary>
          <ul>
            {preview.removals.map((r) => (
              <li key={`${r.table} ${r.id}`}>
                {recordKindLabel(r.table, language)}: {r.label}
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview.problems.length > 0 && (
        <div role="alert" className="import-failed">
          <p>{t('tables.problems', { count: preview.problems.length })}</p>
          <ul className="problems">
            {preview.problems.map((problem, i) => (
              <CellProblem key={i} problem={problem} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * The council's sheets: what they would add. Their records already held are left as they are (as from the JSON
 * files), so nothing is changed and nothing is missing.
 */
function CouncilCounts({ council }: { council: TablePreview['council'] }) {
  const { t } = useTranslation('import');
  const language = usePreferences((s) => s.language);
  const rows = [
    { key: 'schemes', label: recordKindLabel('schemes', language), added: council.added.schemes, unchanged: council.unchanged.schemes },
    { key: 'trackRecords', label: recordKindLabel('track_records', language), added: council.added.trackRecords, unchanged: council.unchanged.trackRecords },
    { key: 'members', label: t('tables.members'), added: council.added.members, unchanged: null },
  ];
  return rows.map((row) => (
    <tr key={row.key}>
      <th scope="row">{row.label}</th>
      <td className="num">{row.added}</td>
      <td className="num">—</td>
      <td className="num">{row.unchanged ?? '—'}</td>
      <td className="num">—</td>
    </tr>
  ));
}

/**
 * A sheet whose headings are not recognised: the person picks its heading row and says what each column holds.
 * Karte keeps the answer for files of the same shape.
 */
function ColumnMapper({ sheet, onMap }: { sheet: UnrecognisedSheet; onMap: (mapping: ColumnMapping) => void }) {
  const { t } = useTranslation('import');
  const language = usePreferences((s) => s.language);
  const id = useId();
  const [headingRow, setHeadingRow] = useState(sheet.rows[0]?.row ?? 1);
  const headings = sheet.rows.find((r) => r.row === headingRow)?.cells ?? [];
  const [roles, setRoles] = useState<(ColumnRole | null)[]>([]);
  const roleOf = (c: number) => roles[c] ?? null;
  const roleText = (role: ColumnRole) => (isPhase(role) ? phaseLabel(role, language) : t(`tables.role.${role}`));
  return (
    <section className="column-mapper" aria-labelledby={id}>
      <h3 id={id}>{t('tables.mapHeading', { file: sheet.file, sheet: sheet.sheet })}</h3>
      <p className="muted">{t('tables.mapIntro')}</p>
      <label>
        {t('tables.headingRow')}{' '}
        <select
          value={headingRow}
          onChange={(e) => {
            setHeadingRow(Number(e.target.value));
            setRoles([]);
          }}
        >
          {sheet.rows.map((r) => (
            <option key={r.row} value={r.row}>
              {t('tables.rowOption', { row: r.row, text: r.cells.filter((c) => c !== '').join(' | ') })}
            </option>
          ))}
        </select>
      </label>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">{t('tables.columnHeading')}</th>
            <th scope="col">{t('tables.columnRole')}</th>
          </tr>
        </thead>
        <tbody>
          {headings.map((heading, c) => (
            <tr key={c}>
              <td>{heading || '—'}</td>
              <td>
                <select
                  aria-label={t('tables.roleOf', { heading: heading || String(c + 1) })}
                  value={roleOf(c) ?? ''}
                  onChange={(e) => setRoles(headings.map((_, i) => (i === c ? ((e.target.value || null) as ColumnRole | null) : roleOf(i))))}
                >
                  <option value="">{t('tables.role.none')}</option>
                  {COLUMN_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {roleText(role)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!roles.includes('sector') && <p className="muted">{t('tables.needSector')}</p>}
      <button type="button" disabled={!roles.includes('sector')} onClick={() => onMap({ headings, roles: headings.map((_, c) => roleOf(c)) })}>
        {t('tables.map')}
      </button>
    </section>
  );
}
