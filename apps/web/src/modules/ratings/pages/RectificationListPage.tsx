import { useState } from 'react';
import { Card, Empty, Flex, Segmented, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { hasPermission, useSession } from '../../identity/index.ts';
import { listRectifications } from '../api.ts';

/** 差评整改 (京办): bad reviews of my unit; appeals to review for the service administration. */
export function RectificationListPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const reviewer = hasPermission(me, 'ratings.review');
  const [role, setRole] = useState<'unit' | 'review'>('unit');
  const { data, error, loading, reload } = useAsync((signal) => listRectifications(role, role === 'review' ? 'appeal_pending' : 'all', signal), [role]);
  return (
    <Flex vertical gap={12} data-testid="rectifications">
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('ratings.rect.title')}</Typography.Title>
        <Link to={`${basePath}/stats`} data-testid="rating-stats-link">{t('ratings.stats.title')}</Link>
      </Flex>
      {reviewer ? (
        <Segmented value={role} onChange={setRole} data-testid="rectifications-role" options={[{ value: 'unit', label: t('ratings.rect.tab.unit') }, { value: 'review', label: t('ratings.rect.tab.review') }]} />
      ) : null}
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {data?.length === 0 ? <Empty description={t('ratings.rect.empty')} /> : null}
      <Flex vertical gap={8} data-testid="rectifications-list" data-count={data?.length ?? 0} data-loading={String(loading)}>
        {(data ?? []).map((r) => (
          <Link key={r.id} to={`${basePath}/${encodeURIComponent(r.id)}`} data-testid="rectification-item" data-id={r.id} style={{ color: 'inherit' }}>
            <Card size="small" hoverable>
              <Flex vertical gap={4}>
                <Flex gap={8} wrap align="center">
                  <Tag color="red">{t(`ratings.level.${r.level}`)}</Tag>
                  <Tag>{t(`ratings.rect.status.${r.rectification!.status}`)}</Tag>
                  {r.rectification!.appeal ? <Tag color="gold">{t(`ratings.rect.appeal.status.${r.rectification!.appeal.status}`)}</Tag> : null}
                  {r.rectification!.overdue ? <Tag color="red">{t('ratings.rect.overdue')}</Tag> : null}
                  <Typography.Text>{r.hall?.name ?? t(`ratings.rect.subject.${r.subject.kind}`)}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary" ellipsis>{r.comment ?? '—'}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ratings.rect.due')}：{formatInstant(r.rectification!.dueAt, locale, timeZone)} · {r.unit.name}
                </Typography.Text>
              </Flex>
            </Card>
          </Link>
        ))}
      </Flex>
    </Flex>
  );
}
