import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { labelResources } from '../labels';
import { usePreferences } from '../stores/preferences';

// Japanese by default, English available. Each screen keeps its strings in its own namespace file,
// renderer/locales/<language>/<namespace>.json; the words of the error codes, which the desktop app's start-up
// dialog speaks too, are in shared/locales. Every file found there is loaded.

const files = import.meta.glob<{ default: Record<string, unknown> }>(['../locales/*/*.json', '../../shared/locales/*/*.json'], { eager: true });

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, module] of Object.entries(files)) {
  const [, language, namespace] = file.match(/locales\/(\w+)\/([\w-]+)\.json$/) ?? [];
  (resources[language] ??= {})[namespace] = module.default;
}
for (const language of ['ja', 'en'] as const) (resources[language] ??= {}).labels = labelResources(language);

void i18next.use(initReactI18next).init({
  resources,
  lng: usePreferences.getState().language,
  fallbackLng: 'ja',
  defaultNS: 'common',
  ns: Object.keys(resources.ja ?? {}),
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

usePreferences.subscribe((state) => {
  if (i18next.language !== state.language) {
    void i18next.changeLanguage(state.language);
    document.documentElement.lang = state.language;
  }
});

export default i18next;
