import { create } from 'zustand';
import type { DateStyle } from '../../shared/dates';

// What a user chooses once and expects to find again: language and how dates are written (西暦 or 和暦).

export type Language = 'ja' | 'en';

interface Preferences {
  language: Language;
  warekiDates: boolean;
  setLanguage: (language: Language) => void;
  setWarekiDates: (on: boolean) => void;
}

const KEY = 'karte.preferences';

function stored(): Partial<Pick<Preferences, 'language' | 'warekiDates'>> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>;
  } catch {
    return {};
  }
}

export const usePreferences = create<Preferences>((set, get) => {
  const save = () => localStorage.setItem(KEY, JSON.stringify({ language: get().language, warekiDates: get().warekiDates }));
  return {
    language: stored().language ?? 'ja',
    warekiDates: stored().warekiDates ?? false,
    setLanguage: (language) => {
      set({ language });
      save();
    },
    setWarekiDates: (warekiDates) => {
      set({ warekiDates });
      save();
    },
  };
});

/** The date style for the current preferences: English dates in English, else 西暦 or 和暦 as chosen. */
export function dateStyleOf(language: Language, wareki: boolean): DateStyle {
  if (language === 'en') return 'en';
  return wareki ? 'wareki' : 'ja';
}
