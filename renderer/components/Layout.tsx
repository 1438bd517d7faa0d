import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { UndoResult } from '../../shared/api';
import { fieldName, useErrorText } from '../api/error-text';
import { recordKindLabel } from '../labels';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { call } from '../api/client';
import { useNotices } from '../stores/notices';
import { usePreferences, type Language } from '../stores/preferences';
import { BackEndStopped } from './BackEndStopped';
import { SyncStatus } from './SyncStatus';

/** What an undo took back, in the screens' words: the fields by their names, a record's creation or deletion as such. */
function undoneText(t: TFunction, language: Language, undone: NonNullable<UndoResult['undone']>): string {
  if (undone.fields.includes('deleted')) return t('undoneRecord', { record: recordKindLabel(undone.table, language) });
  return t('undone', { fields: undone.fields.map((field) => fieldName(t, undone.table, field)).join('、') });
}

/** Ctrl+Z (⌘Z) outside text fields undoes the last edit; inside a field the field's own undo applies. */
function useUndoShortcut() {
  const { t } = useTranslation();
  const language = usePreferences((s) => s.language);
  const errorText = useErrorText();
  const show = useNotices((s) => s.show);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      e.preventDefault();
      call('undo', {})
        .then(({ undone }) => show('info', undone ? undoneText(t, language, undone) : t('nothingToUndo')))
        .catch((error: unknown) => show('error', errorText(error)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show, t, errorText, language]);
}

function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (query.trim() !== '') navigate(`/search?q=${encodeURIComponent(query.trim())}`);
  };
  return (
    <form role="search" onSubmit={submit} className="searchbox">
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('searchPlaceholder')} aria-label={t('nav.search')} />
    </form>
  );
}

function Notices() {
  const { t } = useTranslation();
  const { notices, dismiss } = useNotices();
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          {n.text}
          <button onClick={() => dismiss(n.id)} aria-label={t('close')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/**
 * After a move to another screen, focus goes to the screen (not to the page's body, where a keyboard or a screen
 * reader would start over from the top bar); the first screen keeps the browser's own start.
 */
function useFocusOnNavigation() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return main;
}

export function Layout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { language, setLanguage, warekiDates, setWarekiDates } = usePreferences();
  useUndoShortcut();
  const main = useFocusOnNavigation();
  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {t('skipToContent')}
      </button>
      <header className="topbar">
        <NavLink to="/" className="brand">
          {t('appName')}
        </NavLink>
        <nav aria-label="main">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/countries">{t('nav.countries')}</NavLink>
          <NavLink to="/visits">{t('nav.visits')}</NavLink>
          <NavLink to="/projects">{t('nav.projects')}</NavLink>
          <NavLink to="/analytics">{t('nav.analytics')}</NavLink>
          <NavLink to="/council">{t('nav.council')}</NavLink>
          <NavLink to="/pack">{t('nav.pack')}</NavLink>
          <NavLink to="/import">{t('nav.import')}</NavLink>
        </nav>
        <SearchBox />
        {/* 和暦 is a Japanese way of writing dates: the English screens write every date in the Western calendar. */}
        <label className="wareki">
          <input type="checkbox" checked={warekiDates && language === 'ja'} disabled={language !== 'ja'} onChange={(e) => setWarekiDates(e.target.checked)} /> {t('wareki')}
        </label>
        <button className="language" onClick={() => setLanguage(language === 'ja' ? 'en' : 'ja')}>
          {t('language')}
        </button>
      </header>
      <SyncStatus />
      <BackEndStopped />
      <main id="main" ref={main} tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
      <Notices />
    </div>
  );
}
