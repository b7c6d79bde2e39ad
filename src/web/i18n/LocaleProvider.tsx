import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from './index';

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS } as const;
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

const theme = { token: { colorPrimary: '#1677ff', borderRadius: 6 } };

/** The one ConfigProvider: antd's texts, dayjs and the page language follow i18next. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'zh-CN';
  // Set during render so date pickers rendered in this pass already use the new locale.
  dayjs.locale(DAYJS_LOCALES[locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    // No space wedged between two Chinese characters on buttons ("登 录"): reads as a typo.
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
