import { useTranslation } from 'react-i18next';
import { SCOPES, type Scope } from '../../shared/scopes';
import { scopeLabel } from '../labels';
import { usePreferences, type Language } from '../stores/preferences';

/**
 * Every record shows who may see it; one click opens the choice of scope, when the record can be edited. `choices`:
 * the scopes the record may have (a dossier is never internal).
 */
export function ScopeBadge({ scope, onChange, choices = SCOPES }: { scope: Scope; onChange?: (scope: Scope) => void; choices?: readonly Scope[] }) {
  const language = usePreferences((s) => s.language);
  if (!onChange) return <span className={`scope scope-${scope}`}>{scopeLabel(scope, language)}</span>;
  return <ScopeChoice scope={scope} onChange={onChange} choices={choices} language={language} />;
}

// Apart from the read-only badge, which a dossier matrix shows hundreds of times: only the choice needs words of its own.
function ScopeChoice({ scope, onChange, choices, language }: { scope: Scope; onChange: (scope: Scope) => void; choices: readonly Scope[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <select
      className={`scope scope-${scope}`}
      value={scope}
      aria-label={t('scope.change', { scope: scopeLabel(scope, language) })}
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
