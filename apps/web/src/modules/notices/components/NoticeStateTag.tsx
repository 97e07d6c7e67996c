import { Tag } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import type { Notice } from '../api.ts';

/** Unread / read, and for notices that need it, to acknowledge / acknowledged. `data-state` for tests. */
export function NoticeStateTag({ notice }: { notice: Notice }) {
  const t = useT();
  const state = notice.requiresAck ? (notice.ackedAt ? 'acked' : 'ack-pending') : notice.readAt ? 'read' : 'unread';
  const tag =
    state === 'acked' ? <Tag color="green">{t('notices.tag.acked')}</Tag>
    : state === 'ack-pending' ? <Tag color="orange">{t('notices.tag.ackPending')}</Tag>
    : state === 'read' ? <Tag>{t('notices.tag.read')}</Tag>
    : <Tag color="blue">{t('notices.tag.unread')}</Tag>;
  return <span data-state={state}>{tag}</span>;
}
