import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '../i18n';
import { useLocaleSwitch } from '../i18n/useLocaleSwitch';

// Each language is named in itself, so whoever cannot read the current one still finds theirs.
const OPTIONS: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch({ onSwitch }: { onSwitch?: (locale: Locale) => void }) {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocaleSwitch();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('nav.language')}
      options={OPTIONS}
      value={locale}
      onChange={(value) => {
        if (!isLocale(value)) return;
        onSwitch?.(value);
        void setLocale(value);
      }}
    />
  );
}
