import isoCountries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ja from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };

isoCountries.registerLocale(en);
isoCountries.registerLocale(ja);

export interface Country {
  iso2: string;
  ja: string;
  en: string;
}

// The names the ministries write, where they differ from the ISO list's formal ones.
const USUAL_NAMES: Record<string, Partial<Omit<Country, 'iso2'>>> = {
  GB: { ja: '英国', en: 'United Kingdom' },
  US: { ja: '米国', en: 'United States' },
  KR: { ja: '韓国' },
  KP: { ja: '北朝鮮' },
  LA: { ja: 'ラオス', en: 'Laos' },
  IR: { ja: 'イラン', en: 'Iran' },
  RU: { ja: 'ロシア', en: 'Russia' },
  SY: { ja: 'シリア', en: 'Syria' },
  TW: { en: 'Taiwan' },
  BO: { ja: 'ボリビア', en: 'Bolivia' },
  VE: { ja: 'ベネズエラ', en: 'Venezuela' },
  TZ: { ja: 'タンザニア', en: 'Tanzania' },
  MD: { ja: 'モルドバ', en: 'Moldova' },
  CI: { en: "Côte d'Ivoire" },
};

function build(): Country[] {
  return Object.keys(isoCountries.getAlpha2Codes())
    .map((iso2) => ({
      iso2,
      ja: USUAL_NAMES[iso2]?.ja ?? isoCountries.getName(iso2, 'ja') ?? iso2,
      en: USUAL_NAMES[iso2]?.en ?? isoCountries.getName(iso2, 'en', { select: 'official' }) ?? iso2,
    }))
    .sort((a, b) => a.iso2.localeCompare(b.iso2));
}

/** Every ISO 3166-1 country with its Japanese and English names. */
export const COUNTRIES: readonly Country[] = build();
const BY_ISO2 = new Map(COUNTRIES.map((c) => [c.iso2, c]));

export function countryByIso2(iso2: string): Country | undefined {
  return BY_ISO2.get(iso2.toUpperCase());
}

/** Finds a country by code or by any of its Japanese or English names (formal, usual or alias). */
export function findCountry(name: string): Country | undefined {
  const text = name.trim();
  if (text === '') return undefined;
  const direct = countryByIso2(text);
  if (direct && /^[A-Za-z]{2}$/.test(text)) return direct;
  const lower = text.toLowerCase();
  const hit = COUNTRIES.find((c) => c.ja === text || c.en.toLowerCase() === lower);
  if (hit) return hit;
  const code = isoCountries.getAlpha2Code(text, 'ja') ?? isoCountries.getAlpha2Code(text, 'en');
  return code ? countryByIso2(code) : undefined;
}
