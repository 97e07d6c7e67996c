import type { Locale } from '../../shared/i18n/index.ts';

/** A bilingual text of the catalogue in the reader's language (zh-CN when no English is given). */
export function txt(text: { zh: string; en?: string } | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'en' && text.en ? text.en : text.zh;
}
