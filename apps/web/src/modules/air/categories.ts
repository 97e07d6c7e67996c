import type { Locale, MessageKey } from '../../shared/i18n/index.ts';

/**
 * The six AQI categories of HJ 633 with their official colours (Appendix A), for legends and the calendar's
 * colour scale. A station's or day's own category comes from the server; these only draw the scale.
 */
export const AQI_LEVELS: readonly { level: number; min: number; max: number; colour: string; label: MessageKey }[] = [
  { level: 1, min: 0, max: 50, colour: '#00E400', label: 'air.cat.1' },
  { level: 2, min: 51, max: 100, colour: '#FFFF00', label: 'air.cat.2' },
  { level: 3, min: 101, max: 150, colour: '#FF7E00', label: 'air.cat.3' },
  { level: 4, min: 151, max: 200, colour: '#FF0000', label: 'air.cat.4' },
  { level: 5, min: 201, max: 300, colour: '#99004C', label: 'air.cat.5' },
  { level: 6, min: 301, max: 500, colour: '#7E0023', label: 'air.cat.6' },
];

/** Grey for a station or day without an AQI. */
export const NO_DATA_COLOUR = '#5b6b82';

/** Text that stays readable on a category colour (dark on green and yellow, light on the others). */
export function textOn(colour: string): string {
  return colour === '#00E400' || colour === '#FFFF00' || colour === '#FF7E00' ? '#111' : '#fff';
}

/** The server's bilingual text in the reader's language. */
export function inLocale(text: { 'zh-CN': string; en: string } | null | undefined, locale: Locale): string {
  return text ? (locale === 'en' ? text.en : text['zh-CN']) : '';
}
