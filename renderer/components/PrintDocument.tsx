import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handover } from '../../shared/api';
import { SCOPES, type Scope } from '../../shared/scopes';
import { useErrorText } from '../api/error-text';
import { useHandover } from '../hand-over';
import { scopeLabel, scopeMarking } from '../labels';
import { useNotices } from '../stores/notices';
import { usePreferences } from '../stores/preferences';
import './PrintDocument.css';

// What every printed document (a briefing pack, the follow-up report of the 20 projects) asks for and how it is
// delivered: its language and audience, a preview framed as it will print, and the PDF saved where the user
// chooses (desktop app) or downloaded (browser mode).

export type DocumentLanguage = 'ja' | 'en';
const DOCUMENT_LANGUAGES = ['ja', 'en'] as const;

/** A labelled field of a print form: the label above its control. */
export function PrintField({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="print-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

export function LanguageField({ id, value, onChange }: { id: string; value: DocumentLanguage; onChange: (lang: DocumentLanguage) => void }) {
  const { t } = useTranslation();
  return (
    <PrintField id={id} label={t('print.language')}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as DocumentLanguage)}>
        {DOCUMENT_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`print.languages.${l}`)}
          </option>
        ))}
      </select>
    </PrintField>
  );
}

/** Who may read the document: each scope with the marking it prints in the document's language. */
export function AudienceField({ id, value, lang, onChange }: { id: string; value: Scope; lang: DocumentLanguage; onChange: (audience: Scope) => void }) {
  const { t } = useTranslation();
  const language = usePreferences((s) => s.language);
  return (
    <PrintField id={id} label={t('print.audience')}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Scope)}>
        {SCOPES.map((s) => (
          <option key={s} value={s}>
            {t('print.audienceOption', { scope: scopeLabel(s, language), marking: scopeMarking(s, lang) })}
          </option>
        ))}
      </select>
    </PrintField>
  );
}

export interface Printing<P> {
  busy: 'preview' | 'export' | null;
  /** The last preview, while it is what export would print; null before the first one or once settings changed. */
  preview: P | null;
  /** A preview was made, for settings since changed. */
  outdated: boolean;
  makePreview: () => void;
  exportPdf: () => void;
}

/**
 * Preview and export of a document for `request`. A preview of other settings would mislead: it shows only while
 * it is what export would print. `failed` words a failure (the error's own words passed in).
 */
export function usePrinting<R, P extends { url: string }>({
  request,
  preview,
  exportDocument,
  failed,
}: {
  request: R;
  preview: (request: R) => Promise<P>;
  exportDocument: (request: R) => Promise<Handover>;
  failed: (message: string) => string;
}): Printing<P> {
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  const handOver = useHandover();
  const [shown, setShown] = useState<{ preview: P; for: string } | null>(null);
  const [busy, setBusy] = useState<Printing<P>['busy']>(null);
  const requestKey = JSON.stringify(request);
  const onFailure = (error: unknown) => show('error', failed(errorText(error)));

  const makePreview = () => {
    setBusy('preview');
    preview(request)
      .then((result) => setShown({ preview: result, for: requestKey }))
      .catch(onFailure)
      .finally(() => setBusy(null));
  };
  const exportPdf = () => {
    setBusy('export');
    exportDocument(request)
      .then(handOver)
      .catch(onFailure)
      .finally(() => setBusy(null));
  };
  const current = shown !== null && shown.for === requestKey;
  return { busy, preview: current ? shown.preview : null, outdated: shown !== null && !current, makePreview, exportPdf };
}

/**
 * Preview and export buttons; `disabled` while the settings cannot print. `children` (a format choice) stand before
 * the export button, which `exportLabel` names when the export is no PDF.
 */
export function PrintActions({
  printing,
  disabled = false,
  exportLabel,
  children,
}: {
  printing: Printing<unknown>;
  disabled?: boolean;
  exportLabel?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { busy } = printing;
  return (
    <div className="print-actions">
      <button type="button" onClick={printing.makePreview} disabled={busy !== null || disabled}>
        {busy === 'preview' ? t('print.previewing') : t('print.preview')}
      </button>
      {children}
      <button type="button" onClick={printing.exportPdf} disabled={busy !== null || disabled}>
        {busy === 'export' ? t('print.exporting') : (exportLabel ?? t('print.export'))}
      </button>
    </div>
  );
}

/** The preview as A4 sheets in a sandboxed frame on the app's origin, `caption` above it; a note once outdated. */
export function PrintPreview<P extends { url: string }>({ printing, title, caption }: { printing: Printing<P>; title: string; caption?: (preview: P) => ReactNode }) {
  const { t } = useTranslation();
  const section = useRef<HTMLElement>(null);
  const url = printing.preview?.url;
  // The settings fill the first screen: a new preview is brought into view, or the button would seem to do nothing.
  useEffect(() => {
    if (url) section.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [url]);
  if (!printing.preview && !printing.outdated) return null;
  return (
    <section ref={section} className="print-preview" aria-label={title}>
      {printing.preview ? (
        <>
          {caption && <p className="muted">{caption(printing.preview)}</p>}
          {/* Same-origin for the document's font files; no allow-scripts: nothing in the preview runs. */}
          <iframe title={title} src={printing.preview.url} sandbox="allow-same-origin" referrerPolicy="no-referrer" />
        </>
      ) : (
        <p className="muted">{t('print.outdated')}</p>
      )}
    </section>
  );
}
