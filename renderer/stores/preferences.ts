import { create } from 'zustand';
import type { DateStyle } from '../../shared/dates';
import { EMPTY_PACK_COVER, type PackCover } from '../../shared/pack/pack-input';

// What a user chooses once and expects to find again: language, how dates are written (西暦 or 和暦), the
// countries they follow (my countries, shown first on the home screen) and what their packs' covers say (issuing
// office, number, distribution, 取扱注意).

export type Language = 'ja' | 'en';

interface Preferences {
  language: Language;
  warekiDates: boolean;
  myCountries: string[];
  packCover: PackCover;
  setLanguage: (language: Language) => void;
  setWarekiDates: (on: boolean) => void;
  toggleMyCountry: (iso2: string) => void;
  setPackCover: (cover: Partial<PackCover>) => void;
}

const KEY = 'karte.preferences';

type Stored = Pick<Preferences, 'language' | 'warekiDates' | 'myCountries' | 'packCover'>;

function stored(): Partial<Stored> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>;
  } catch {
    return {};
  }
}

export const usePreferences = create<Preferences>((set, get) => {
  const save = () => {
    const { language, warekiDates, myCountries, packCover } = get();
    localStorage.setItem(KEY, JSON.stringify({ language, warekiDates, myCountries, packCover } satisfies Stored));
  };
  return {
    language: stored().language ?? 'ja',
    warekiDates: stored().warekiDates ?? false,
    myCountries: stored().myCountries ?? [],
    packCover: { ...EMPTY_PACK_COVER, ...stored().packCover },
    setLanguage: (language) => {
      set({ language });
      save();
    },
    setWarekiDates: (warekiDates) => {
      set({ warekiDates });
      save();
    },
    toggleMyCountry: (iso2) => {
      const mine = get().myCountries;
      set({ myCountries: mine.includes(iso2) ? mine.filter((c) => c !== iso2) : [...mine, iso2] });
      save();
    },
    setPackCover: (cover) => {
      set({ packCover: { ...get().packCover, ...cover } });
      save();
    },
  };
});

/** The date style for the current preferences: English dates in English, else 西暦 or 和暦 as chosen. */
export function dateStyleOf(language: Language, wareki: boolean): DateStyle {
  if (language === 'en') return 'en';
  return wareki ? 'wareki' : 'ja';
}
