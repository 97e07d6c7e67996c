import { Descriptions, Flex, Result } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { verify } from '../api.ts';

/** 证照验证 (public): what the certificate's QR code opens — valid, or invalid and why. */
export function VerifyPage() {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { data, error, reload } = useAsync((signal) => verify(id, params.get('s'), signal), [id, params.get('s')]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  const ok = data.verdict === 'valid';
  const c = data.certificate;
  return (
    <Flex vertical gap={12} data-testid="verify-page" data-verdict={data.verdict} data-reason={data.reason ?? ''}>
      <Result
        status={ok ? 'success' : 'error'}
        title={<span data-testid="verify-verdict">{ok ? t('apps.verify.valid') : t('apps.verify.invalid')}</span>}
        subTitle={ok ? t('apps.verify.validHint') : t(`apps.verify.reason.${data.reason ?? 'unknown'}` as MessageKey)}
      />
      {c ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('apps.wallet.title')}>{c.title}</Descriptions.Item>
          <Descriptions.Item label={t('apps.wallet.number')}>{c.number}</Descriptions.Item>
          <Descriptions.Item label={t('apps.wallet.holder')}>{c.holderName} · {c.holderIdentifier}</Descriptions.Item>
          <Descriptions.Item label={t('apps.wallet.issuer')}>{c.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('apps.wallet.validity')}>{c.validUntil ? formatInstant(c.validUntil, locale, timeZone) : t('apps.wallet.noLimit')}</Descriptions.Item>
          <Descriptions.Item label={t('apps.verify.checkedAt')}>{formatInstant(data.checkedAt, locale, timeZone)}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Flex>
  );
}
