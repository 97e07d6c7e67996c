import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans Hans (SIL Open Font License) from the npm package @embedpdf/fonts-sc:
 * whole OpenType files, so pdfkit (fontkit) embeds only the glyphs a document
 * uses and a PDF stays small. One package for every PDF the platform makes
 * (certificates, the 一微克 brief). The @fontsource packages ship the font in
 * unicode-range WOFF2 slices, which a PDF cannot use as one font.
 */
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '../fonts');
export const CJK_FONT_FILE = join(FONT_DIR, 'NotoSansHans-Regular.otf');
export const CJK_BOLD_FONT_FILE = join(FONT_DIR, 'NotoSansHans-Bold.otf');

let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** The font files, read once (pdfkit would otherwise read them for every document). */
export function cjkFonts(): { regular: Buffer; bold: Buffer } {
  return (fonts ??= { regular: readFileSync(CJK_FONT_FILE), bold: readFileSync(CJK_BOLD_FONT_FILE) });
}
