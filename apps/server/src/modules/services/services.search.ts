import { pinyin } from 'pinyin-pro';
import type { ServiceItemDefinition } from '@jing/contracts';

/**
 * In-memory search over the published catalogue (ADR 0016). The catalogue is
 * small (hundreds to a few thousand items), so a scan of precomputed lower-case
 * strings beats any database query; pinyin is computed once per item when the
 * index is built, never per request.
 */

/** Field weights: a hit in the name ranks above a keyword (synonym) hit, above a situation hit. */
const WEIGHT = { code: 1000, name: 100, namePinyin: 90, nameEn: 60, keyword: 50, keywordPinyin: 45, situation: 20, department: 10 } as const;

/** Words people type around the thing they want ("我要办理居住证"): ignored unless the query is only these. */
const FILLERS = ['我要', '我想', '如何', '怎么', '怎样', '办理', '申请', '申领', '在线', '网上'];

interface Field {
  text: string;
  weight: number;
}

export interface IndexedItem {
  definition: ServiceItemDefinition;
  version: number;
  /** Chinese and English texts, lower case. */
  texts: Field[];
  /** Pinyin forms (initials and full syllables) of the name and keywords. */
  pinyins: Field[];
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** `居住证首次申领` → initials `jzzscsl` and full `juzhuzhengshoucishenling` (punctuation dropped). */
function pinyinForms(text: string): string[] {
  const han = (text.match(HAN_RUN) ?? []).join('');
  if (!han) return [];
  const syllables = pinyin(han, { toneType: 'none', type: 'array', v: true }) as string[];
  return [syllables.map((s) => s[0]).join(''), syllables.join('')];
}

/** Builds the searchable form of one published item. */
export function indexItem(definition: ServiceItemDefinition, version: number): IndexedItem {
  const d = definition;
  const texts: Field[] = [
    { text: d.code.toLowerCase(), weight: WEIGHT.code },
    { text: d.name.zh.toLowerCase(), weight: WEIGHT.name },
    ...(d.name.en ? [{ text: d.name.en.toLowerCase(), weight: WEIGHT.nameEn }] : []),
    ...d.keywords.map((k) => ({ text: k.toLowerCase(), weight: WEIGHT.keyword })),
    ...d.situations.map((s) => ({ text: s.name.zh.toLowerCase(), weight: WEIGHT.situation })),
    { text: d.department.name.zh.toLowerCase(), weight: WEIGHT.department },
  ];
  const pinyins: Field[] = [
    ...pinyinForms(d.name.zh).map((text) => ({ text, weight: WEIGHT.namePinyin })),
    ...d.keywords.filter((k) => HAN.test(k)).flatMap((k) => pinyinForms(k).map((text) => ({ text, weight: WEIGHT.keywordPinyin }))),
  ];
  return { definition, version, texts, pinyins };
}

/** Splits a query into words; filler words go unless nothing else is left. */
export function queryWords(q: string | undefined): string[] {
  const words = (q ?? '')
    .toLowerCase()
    .split(/[\s,，、。;；:：/|()（）"“”']+/)
    .filter(Boolean);
  const stripped = words.map((w) => (HAN.test(w) ? FILLERS.reduce((x, f) => (x.length > f.length ? x.split(f).join('') : x), w) : w)).filter(Boolean);
  return stripped.length > 0 ? stripped : words;
}

/**
 * Greedy longest-segment cover of a Chinese word by substrings of `text`
 * (each at least two characters): `居住证申领` is found in `居住证首次申领` as
 * `居住证` + `申领`. Returns false when some part cannot be found.
 */
function coveredBySegments(word: string, text: string): boolean {
  let i = 0;
  while (i < word.length) {
    let len = word.length - i;
    while (len >= 2 && !text.includes(word.slice(i, i + len))) len--;
    if (len < 2) return false;
    i += len;
  }
  return true;
}

/** Score of one word against one item: the best field it hits (0 = no hit). */
function wordScore(x: IndexedItem, word: string): number {
  let best = 0;
  for (const f of x.texts) {
    if (f.weight <= best) continue;
    if (f.text === word) best = f.weight + 5;
    else if (f.text.includes(word)) best = f.weight + (f.text.startsWith(word) ? 2 : 0);
  }
  if (best === 0 && /^[a-z]+$/.test(word)) {
    for (const f of x.pinyins) if (f.weight > best && f.text.includes(word)) best = f.weight + (f.text.startsWith(word) ? 2 : 0);
  }
  if (best === 0 && word.length >= 3 && HAN.test(word)) {
    // Words typed together without the filler between them: a weaker, split hit.
    for (const f of x.texts) if (f.weight / 2 > best && coveredBySegments(word, f.text)) best = f.weight / 2;
  }
  return best;
}

/**
 * Ranks items for a query: every word must hit; the score is the sum of each
 * word's best field, ties broken by the shorter name (the more exact match),
 * then the code. No words: every item in code order.
 */
export function rank(items: readonly IndexedItem[], words: readonly string[], accept: (x: IndexedItem) => boolean, limit: number): IndexedItem[] {
  if (words.length === 0) return items.filter(accept).slice(0, limit);
  const hits: { x: IndexedItem; score: number }[] = [];
  for (const x of items) {
    if (!accept(x)) continue;
    let score = 0;
    for (const w of words) {
      const s = wordScore(x, w);
      if (s === 0) {
        score = 0;
        break;
      }
      score += s;
    }
    if (score > 0) hits.push({ x, score });
  }
  hits.sort((a, b) => b.score - a.score || a.x.definition.name.zh.length - b.x.definition.name.zh.length || (a.x.definition.code < b.x.definition.code ? -1 : 1));
  return hits.slice(0, limit).map((h) => h.x);
}
