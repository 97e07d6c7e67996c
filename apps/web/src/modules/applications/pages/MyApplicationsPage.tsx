import { Badge, Button, Flex } from 'antd';
import { BellOutlined, IdcardOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { LinkCard, LinkCardList } from '../../../shared/ui/LinkCardList.tsx';
import { listApplications, notifications } from '../api.ts';
import { ClockTag, StatusTag } from '../components/bits.tsx';

/** 我的办件 (京通): every application, newest first, with its status and clock. */
export function MyApplicationsPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const applications = useAsync((signal) => listApplications({ box: 'mine' }, signal), []);
  const unread = useAsync((signal) => notifications(signal), []);
  return (
    <LinkCardList
      testId="my-applications"
      title={t('apps.mine.title')}
      actions={
        <Flex gap={8}>
          <Link to="/notifications">
            <Badge count={unread.data?.unread ?? 0} size="small" data-testid="notifications-unread" data-count={unread.data?.unread ?? 0}>
              <Button icon={<BellOutlined />}>{t('apps.notifications.title')}</Button>
            </Badge>
          </Link>
          <Link to="/wallet">
            <Button icon={<IdcardOutlined />} data-testid="wallet-link">
              {t('apps.wallet.title')}
            </Button>
          </Link>
        </Flex>
      }
      state={applications}
      emptyText={t('apps.mine.empty')}
      listTestId="my-applications-list"
      renderItem={(a) => (
        <LinkCard
          to={`${basePath}/${encodeURIComponent(a.id)}`}
          data-testid="my-application"
          data-number={a.number}
          title={a.item.name}
          tags={
            <>
              <StatusTag status={a.status} />
              <ClockTag clock={a} />
            </>
          }
          meta={`${a.number} · ${a.unit.name} · ${formatInstant(a.submittedAt, locale, timeZone)}`}
        />
      )}
    />
  );
}
