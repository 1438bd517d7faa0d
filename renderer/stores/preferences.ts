import { create } from 'zustand';
import type { DateStyle } from '../../shared/dates';

// What a user chooses once and expects to find again: language, how dates are written (西暦 or 和暦), and the
// countries they follow (my countries, shown first on the home screen).

export type Language = 'ja' | 'en';

interface Preferences {
  language: Language;
  warekiDates: boolean;
  myCountries: string[];
  setLanguage: (language: Language) => void;
  setWarekiDates: (on: boolean) => void;
  toggleMyCountry: (iso2: string) => void;
}

const KEY = 'karte.preferences';

type Stored = Pick<Preferences, 'language' | 'warekiDates' | 'myCountries'>;

function stored(): Partial<Stored> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>;
  } catch {
    return {};
  }
}

export const usePreferences = create<Preferences>((set, get) => {
  const save = () => {
    const { language, warekiDates, myCountries } = get();
    localStorage.setItem(KEY, JSON.stringify({ language, warekiDates, myCountries } satisfies Stored));
  };
  return {
    language: stored().language ?? 'ja',
    warekiDates: stored().warekiDates ?? false,
    myCountries: stored().myCountries ?? [],
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
  };
});

/** The date style for the current preferences: English dates in English, else 西暦 or 和暦 as chosen. */
export function dateStyleOf(language: Language, wareki: boolean): DateStyle {
  if (language === 'en') return 'en';
  return wareki ? 'wareki' : 'ja';
}
