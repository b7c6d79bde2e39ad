import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { meKey, saveMyLocale } from '../api/session';
import type { User } from '../api/types';
import { changeLocale, currentLocale, type Locale, rememberLocale } from './index';

/**
 * The language in use and how to change it: the browser remembers the choice, and once
 * someone is logged in their account does too, so it follows them to other devices.
 */
export function useLocaleSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  async function saveToAccount(locale: Locale): Promise<void> {
    const me = queryClient.getQueryData<User>(meKey);
    if (!me || me.locale === locale) return;
    try {
      queryClient.setQueryData(meKey, await saveMyLocale(locale));
    } catch {
      message.error(t('errors.localeNotSaved'));
    }
  }

  // The choice is kept at once (browser and account) while the catalogue loads, so a page
  // opened right after the switch is already in the new language.
  async function setLocale(locale: Locale): Promise<void> {
    rememberLocale(locale);
    await Promise.all([saveToAccount(locale), changeLocale(locale)]);
  }

  return { locale: currentLocale(), setLocale };
}
