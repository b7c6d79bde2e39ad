import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/vocabulary';
import en from './en.json';
import zhCN from './zh-CN.json';

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

i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: browserLocale(),
  fallbackLng: false,
  supportedLngs: [...LOCALES],
  // React escapes already.
  interpolation: { escapeValue: false },
  returnNull: false,
  // The catalogues are bundled, so the first render can already use them.
  initAsync: false,
});

export default i18n;
