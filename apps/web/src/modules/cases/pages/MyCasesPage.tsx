import { Button, Card, Empty, Flex, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { listCases } from '../api.ts';
import { localName } from '../labels.ts';
import { CaseStatusTag } from '../components/CaseStatusTag.tsx';

/** 我的诉求 (京通): the resident's requests, newest first, each opening its progress page. */
export function MyCasesPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const { data, error, loading, reload } = useAsync((signal) => listCases({ scope: 'mine' }, signal), []);

  return (
    <Flex vertical gap={12} data-testid="my-cases">
      <Flex align="center" justify="space-between" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('cases.mine.title')}
        </Typography.Title>
        <Link to={`${basePath}/new`}>
          <Button type="primary" icon={<PlusOutlined />} data-testid="cases-new">
            {t('cases.report.title')}
          </Button>
        </Link>
      </Flex>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {loading && !data ? <PageLoading /> : null}
      {data && data.length === 0 ? (
        <Card>
          <Empty description={t('cases.mine.empty')} />
        </Card>
      ) : null}
      <div data-testid="my-cases-list" data-count={data?.length ?? 0} data-loading={String(loading)}>
        <Flex vertical gap={8}>
          {(data ?? []).map((c) => (
            <Link key={c.id} to={`${basePath}/${encodeURIComponent(c.id)}`} data-testid="my-case" data-number={c.number} style={{ color: 'inherit' }}>
              <Card size="small" hoverable>
                <Flex align="center" gap={8}>
                  <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text strong>{localName(c.category.name, locale)}</Typography.Text>
                      <CaseStatusTag status={c.status} />
                    </Flex>
                    <Typography.Text type="secondary" ellipsis>
                      {c.description}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.number} · {formatInstant(c.createdAt, locale, timeZone)}
                    </Typography.Text>
                  </Flex>
                  <RightOutlined style={{ opacity: 0.45 }} />
                </Flex>
              </Card>
            </Link>
          ))}
        </Flex>
      </div>
    </Flex>
  );
}
