import type { TFunction } from '../../shared/i18n/index.ts';
import { SATISFACTION_KEYS } from './labels.ts';
import type { Satisfaction } from './api.ts';

const CONTACT_METHODS: Record<string, 'cases.contact.phone' | 'cases.contact.visit' | 'cases.contact.message'> = {
  phone: 'cases.contact.phone',
  visit: 'cases.contact.visit',
  message: 'cases.contact.message',
};

/**
 * The text of a timeline event for people. What staff typed is shown as
 * typed; the parts the server writes in codes (`phone: …`, `on time：…`,
 * `satisfied / resolved：…`, `approved`) are translated.
 *
 * @example
 * eventText(t, 'checkin', 'on time：on site') // '按时报到：on site'
 */
export function eventText(t: TFunction, type: string, text: string | null): string | null {
  if (text === null) return null;
  const [head, ...rest] = text.split('：');
  const tail = rest.length > 0 ? rest.join('：') : null;
  const withTail = (label: string) => (tail ? `${label}：${tail}` : label);
  switch (type) {
    case 'dispatch':
      return text === 'possible duplicate' ? t('cases.eventText.duplicate') : text;
    case 'contact': {
      const m = /^(phone|visit|message): ([\s\S]*)$/.exec(text);
      return m ? `${t(CONTACT_METHODS[m[1]!]!)}：${m[2]}` : text;
    }
    case 'checkin':
      if (head === 'on time') return withTail(t('cases.eventText.onTime'));
      if (head === 'late') return withTail(t('cases.eventText.late'));
      return text;
    case 'extension_decision':
      if (head === 'approved') return withTail(t('cases.eventText.approved'));
      if (head === 'rejected') return withTail(t('cases.eventText.rejected'));
      return text;
    case 'rate':
    case 'reopen': {
      const m = /^([a-z_]+) \/ (resolved|not resolved)$/.exec(head ?? '');
      const sat = m ? SATISFACTION_KEYS[m[1] as Satisfaction] : undefined;
      if (!m || !sat) return text;
      return withTail(`${t(sat)} · ${t(m[2] === 'resolved' ? 'cases.eventText.resolved' : 'cases.eventText.unresolved')}`);
    }
    case 'score':
      return /^[1-5]$/.test(head ?? '') ? withTail(t('cases.eventText.score', { n: head! })) : text;
    default:
      return text;
  }
}
