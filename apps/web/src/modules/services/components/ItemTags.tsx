import { Tag } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';

/** The promised time limit: 即办 for zero working days. */
export function LimitTag({ days }: { days: number }) {
  const t = useT();
  return <Tag color="green">{days === 0 ? t('services.limit.immediate') : t('services.limit.days', { n: days })}</Tag>;
}

/** How many times the applicant must come in person: 零跑动 for none. */
export function VisitsTag({ visits }: { visits: number }) {
  const t = useT();
  return <Tag color={visits === 0 ? 'cyan' : 'default'}>{visits === 0 ? t('services.visits.zero') : t('services.visits.n', { n: visits })}</Tag>;
}
