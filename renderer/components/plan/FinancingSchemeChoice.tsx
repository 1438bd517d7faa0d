import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupportScheme } from '../../../shared/model/support-scheme';

/**
 * The support scheme (支援ツール) a plan's financing option is, chosen from the council database's schemes, with a
 * link to its page; a scheme no longer held (or one the reader may not see) reads as not linked.
 */
export function FinancingSchemeChoice({
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
    <span className="financing-scheme">
      <select aria-label={label} value={linked?.id ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('financingScheme.none')}</option>
        {schemes.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}（{s.owner}）
          </option>
        ))}
      </select>
      {linked && (
        <Link to={`/council/schemes/${linked.id}`} aria-label={t('financingScheme.open', { name: linked.name })}>
          {t('financingScheme.openShort')}
        </Link>
      )}
    </span>
  );
}
