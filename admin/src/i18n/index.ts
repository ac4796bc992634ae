import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { en } from './en';
import { zhCN } from './zh-CN';

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : zhCN) as TranslationMessages, 'zh-CN', [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'English' },
]);
