export { I18nProvider, LOCALES, translate, useI18n, useT } from './i18n.tsx';
export type { Locale, MessageKey, MessageVars, TFunction } from './i18n.tsx';
