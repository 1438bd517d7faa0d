import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupportScheme } from '../../shared/model/support-scheme';
import './SchemeChoice.css';

/**
 * The support scheme (支援ツール) a record names (a plan's financing option, a member's project abroad), chosen from
 * the council database's schemes, with a link to its page; a scheme no longer held (or one the reader may not see)
 * reads as not linked.
 */
export function SchemeChoice({
  schemes,
  value,
  label,
  onChange,
}: {
  schemes: readonly SupportScheme[];
  value: string | null | undefined;
  label: string;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation('council');
  const linked = schemes.find((s) => s.id === value);
  return (
    <span className="scheme-choice">
      <select aria-label={label} value={linked?.id ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('schemeChoice.none')}</option>
        {schemes.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}（{s.owner}）
          </option>
        ))}
      </select>
      {linked && (
        <Link to={`/council/schemes/${linked.id}`} aria-label={t('schemeChoice.open', { name: linked.name })}>
          {t('schemeChoice.openShort')}
        </Link>
      )}
    </span>
  );
}
