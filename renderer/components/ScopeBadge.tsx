import { useTranslation } from 'react-i18next';
import { SCOPES, type Scope } from '../../shared/scopes';
import { scopeLabel } from '../labels';
import { usePreferences, type Language } from '../stores/preferences';
import './ScopeBadge.css';

interface ScopeBadgeProps {
  scope: Scope;
  onChange?: (scope: Scope) => void;
  /** The scopes the record may have (a dossier is never internal). */
  choices?: readonly Scope[];
  /** The choice's id, for a visible <label htmlFor> of the caller's, which then names it. */
  id?: string;
}

/** Every record shows who may see it; where the record can be edited, as the choice of its scope. */
export function ScopeBadge({ scope, onChange, choices = SCOPES, id }: ScopeBadgeProps) {
  const language = usePreferences((s) => s.language);
  if (!onChange) return <span className={`scope scope-${scope}`}>{scopeLabel(scope, language)}</span>;
  return <ScopeChoice scope={scope} onChange={onChange} choices={choices} language={language} id={id} />;
}

// Apart from the read-only badge, which a dossier matrix shows hundreds of times: only the choice needs words of its own.
function ScopeChoice({ scope, onChange, choices, language, id }: { scope: Scope; onChange: (scope: Scope) => void; choices: readonly Scope[]; language: Language; id?: string }) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      className={`scope scope-choice scope-${scope}`}
      value={scope}
      // Without a visible label, named by what it does and what it is now.
      aria-label={id === undefined ? t('scope.change', { scope: scopeLabel(scope, language) }) : undefined}
      onChange={(e) => onChange(e.target.value as Scope)}
    >
      {choices.map((s) => (
        <option key={s} value={s}>
          {scopeLabel(s, language)}
        </option>
      ))}
    </select>
  );
}
