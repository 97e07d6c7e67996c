import { Button, Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { certificatePdfUrl, wallet } from '../api.ts';

/** 我的证照 (京通): the e-certificates held, each downloadable as a PDF and verifiable. */
export function WalletPage() {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const { data, error, reload } = useAsync((signal) => wallet(signal), []);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  return (
    <Flex vertical gap={12} data-testid="wallet" data-count={data.length}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('apps.wallet.title')}
      </Typography.Title>
      {data.length === 0 ? <Empty description={t('apps.wallet.empty')} /> : null}
      {data.map((c) => (
        <Card key={c.id} size="small" data-testid="wallet-certificate" data-type={c.type} data-status={c.status} title={<><SafetyCertificateOutlined /> {c.title}</>} extra={<Tag color={c.status === 'valid' ? 'green' : 'red'}>{t(`apps.certStatus.${c.status}` as MessageKey)}</Tag>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('apps.wallet.number')}>{c.number}</Descriptions.Item>
            <Descriptions.Item label={t('apps.wallet.holder')}>{c.holder.name} · {c.holder.identifier}</Descriptions.Item>
            <Descriptions.Item label={t('apps.wallet.issuer')}>{c.issuer.name}</Descriptions.Item>
            <Descriptions.Item label={t('apps.wallet.validity')}>
              {formatInstant(c.validFrom, locale, timeZone)} — {c.validUntil ? formatInstant(c.validUntil, locale, timeZone) : t('apps.wallet.noLimit')}
            </Descriptions.Item>
          </Descriptions>
          <Flex gap={8} wrap>
            <a href={certificatePdfUrl(c.id)} download data-testid="wallet-pdf">
              <Button icon={<DownloadOutlined />}>{t('apps.wallet.download')}</Button>
            </a>
            <Link to={c.verifyPath} data-testid="wallet-verify">
              <Button>{t('apps.wallet.verify')}</Button>
            </Link>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
