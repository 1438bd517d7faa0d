import { REGIONS } from '../../shared/reference/regions';
import { SECTORS } from '../../shared/reference/sectors';
import type { Language } from '../stores/preferences';

// The choices of a region or sector filter, from the reference data, in the user's language: the screens that filter
// by them (countries, analytics) offer the same list.

/** Every region, a sub-region indented under its parent. */
export function RegionOptions({ language }: { language: Language }) {
  return REGIONS.map((r) => (
    <option key={r.code} value={r.code}>
      {r.parent ? '\u3000' : ''}
      {r[language]}
    </option>
  ));
}

/** Every sector of the vocabulary. */
export function SectorOptions({ language }: { language: Language }) {
  return SECTORS.map((s) => (
    <option key={s.code} value={s.code}>
      {s[language]}
    </option>
  ));
}
