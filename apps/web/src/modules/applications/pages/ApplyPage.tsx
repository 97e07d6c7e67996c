import { Flex, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { getItem, getPrefill } from '../api.ts';
import { ApplyForm } from '../components/ApplyForm.tsx';

/** 在线申报 (京通): `/services/{code}/apply?situation=…` — the form made from the item, pre-filled. */
export function ApplyPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data, error, reload } = useAsync(async (signal) => {
    const [item, prefill] = await Promise.all([getItem(code, signal), getPrefill(code, undefined, signal)]);
    return { item, prefill };
  }, [code]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  const name = locale === 'en' && data.item.definition.name.en ? data.item.definition.name.en : data.item.name;
  return (
    <Flex vertical gap={12} data-testid="apply-page" data-item={code}>
      <BackLink to={`/services/${encodeURIComponent(code)}`} label={t('common.back')} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('apps.apply.title', { name })}
      </Typography.Title>
      <Typography.Text type="secondary">{t('apps.apply.applicant', { name: data.prefill.applicant.name })}</Typography.Text>
      <ApplyForm item={data.item} prefill={data.prefill} situation={params.get('situation') ?? undefined} onDone={(a) => navigate(`${basePath}/${encodeURIComponent(a.id)}`)} />
    </Flex>
  );
}
