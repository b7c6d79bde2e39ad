import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/vocabulary';

export type { Locale };
export { LOCALES };

/** The language as the user last chose it in this browser, used before we know who they are. */
const STORAGE_KEY = 'crm.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Saved choice in this browser, else the browser's languages: any Chinese variant means zh-CN. */
export function browserLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be disabled; the browser's languages still tell us.
  }
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the account keeps the choice once the user is logged in.
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'zh-CN';
}

// Each catalogue is a chunk of its own (~22 KB gzipped): a visit downloads only its language.
const CATALOGUES: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-CN': () => import('./zh-CN.json'),
  en: () => import('./en.json'),
};

/** Fetches a language's catalogue the first time it is needed. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const { default: catalogue } = await CATALOGUES[locale]();
  i18n.addResourceBundle(locale, 'translation', catalogue);
}

/** Switches the language once its catalogue is there, so no screen shows bare keys. */
export async function changeLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  await i18n.changeLanguage(locale);
}

i18n.use(initReactI18next).init({
  // Filled by loadLocale: main.tsx waits for the first language before rendering.
  resources: {},
  lng: browserLocale(),
  fallbackLng: false,
  supportedLngs: [...LOCALES],
  // React escapes already.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18n;
