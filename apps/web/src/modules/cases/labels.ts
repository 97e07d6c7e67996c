import type { Locale, MessageKey, TFunction } from '../../shared/i18n/index.ts';
import type { CaseStatus, CaseType, CaseView, Satisfaction } from './api.ts';

/** 咨询 / 求助 / 投诉 / 举报 / 建议 */
export const TYPE_KEYS: Record<CaseType, MessageKey> = {
  consult: 'cases.type.consult',
  help: 'cases.type.help',
  complaint: 'cases.type.complaint',
  report: 'cases.type.report',
  suggestion: 'cases.type.suggestion',
};

export const STATUS_KEYS: Record<CaseStatus, MessageKey> = {
  dispatched: 'cases.status.dispatched',
  signed: 'cases.status.signed',
  contacted: 'cases.status.contacted',
  replied: 'cases.status.replied',
  closed: 'cases.status.closed',
  returned: 'cases.status.returned',
  answered: 'cases.status.answered',
  merged: 'cases.status.merged',
};

/** How a linked case relates to this one: merged into it, split from it, or split off from it. */
export const RELATION_KEYS: Record<CaseView['related'][number]['relation'], MessageKey> = {
  merged_from: 'cases.relation.merged_from',
  split_from: 'cases.relation.split_from',
  split_into: 'cases.relation.split_into',
};

/** Tag colours: waiting (blue) → in hand (cyan/geekblue) → answered (purple) → done (green); returned stands out. */
export const STATUS_COLORS: Record<CaseStatus, string> = {
  dispatched: 'blue',
  signed: 'cyan',
  contacted: 'geekblue',
  replied: 'purple',
  closed: 'green',
  returned: 'orange',
  answered: 'green',
  merged: 'default',
};

/** 非常满意 … 非常不满意, best first. */
export const SATISFACTION_LEVELS: readonly Satisfaction[] = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'];
export const SATISFACTION_KEYS: Record<Satisfaction, MessageKey> = {
  very_satisfied: 'cases.sat.very_satisfied',
  satisfied: 'cases.sat.satisfied',
  basically_satisfied: 'cases.sat.basically_satisfied',
  dissatisfied: 'cases.sat.dissatisfied',
  very_dissatisfied: 'cases.sat.very_dissatisfied',
};

export const CHANNEL_KEYS: Record<CaseView['channel'], MessageKey> = {
  tong: 'cases.channel.tong',
  hotline: 'cases.channel.hotline',
  open311: 'cases.channel.open311',
};

const EVENT_KEYS: Record<string, MessageKey> = {
  submit: 'cases.event.submit',
  dispatch: 'cases.event.dispatch',
  sign: 'cases.event.sign',
  return: 'cases.event.return',
  contact: 'cases.event.contact',
  reply: 'cases.event.reply',
  answer: 'cases.event.answer',
  rate: 'cases.event.rate',
  reopen: 'cases.event.reopen',
  extension_request: 'cases.event.extension_request',
  extension_decision: 'cases.event.extension_decision',
  assist: 'cases.event.assist',
  whistle: 'cases.event.whistle',
  checkin: 'cases.event.checkin',
  note: 'cases.event.note',
  score: 'cases.event.score',
  merge: 'cases.event.merge',
  merged: 'cases.event.merged',
  split: 'cases.event.split',
  split_from: 'cases.event.split_from',
};

/** A timeline event's name; an event type this version does not know keeps its code. */
export function eventName(t: TFunction, type: string): string {
  const key = EVENT_KEYS[type];
  return key ? t(key) : type;
}

/** A bilingual name from the server (category names) in the current language. */
export function localName(name: { 'zh-CN': string; en: string }, locale: Locale): string {
  return name[locale] || name['zh-CN'];
}
