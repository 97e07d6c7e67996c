import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zhCN, type MessageKey } from './messages.zh-CN.ts';
import { en } from './messages.en.ts';

/** The languages the UI speaks: zh-CN first, English second. */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export type { MessageKey };

/** Values substituted for `{name}` placeholders in a message. */
export type MessageVars = Record<string, string | number>;
/** Translates a message key in the current language. */
export type TFunction = (key: MessageKey, vars?: MessageVars) => string;

const STORAGE_KEY = 'jing.locale';
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

/**
 * Formats one message of one catalogue; `{name}` placeholders take `vars.name`.
 *
 * @example
 * translate('en', 'audit.verifyOk', { n: 12 }) // 'Chain intact: 12 entries checked'
 */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const template = CATALOGUES[locale][key] ?? zhCN[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back to the default.
  }
  return 'zh-CN';
}

/** Holds the current language, remembers the choice in localStorage and keeps `<html lang>` in step. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the switch still applies to this page view.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }, [locale]);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its switch and the translate function. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** Shorthand for `useI18n().t`. */
export function useT(): TFunction {
  return useI18n().t;
}
