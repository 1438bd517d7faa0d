import { useTranslation } from 'react-i18next';
import { SCOPES, type Scope } from '../../shared/scopes';
import { scopeLabel } from '../labels';
import { usePreferences } from '../stores/preferences';

/**
 * Every record shows who may see it; one click opens the choice of scope, when the record can be edited. `choices`:
 * the scopes the record may have (a dossier is never internal).
 */
export function ScopeBadge({ scope, onChange, choices = SCOPES }: { scope: Scope; onChange?: (scope: Scope) => void; choices?: readonly Scope[] }) {
  const { t } = useTranslation();
  const language = usePreferences((s) => s.language);
  if (!onChange) {
    return <span className={`scope scope-${scope}`}>{scopeLabel(scope, language)}</span>;
  }
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
