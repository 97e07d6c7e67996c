import { Card, Empty, Flex, Input, Segmented, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { searchServices, type Audience, type ServiceSummary } from '../api.ts';
import { LimitTag, VisitsTag } from '../components/ItemTags.tsx';

/**
 * 办事 home (京通): a search box that understands words inside names and
 * pinyin initials, the 个人/法人 switch, and the matching items. Query and
 * audience live in the address, so the back button returns to the same list.
 */
export function ServicesHomePage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const audience: Audience = params.get('audience') === 'business' ? 'business' : 'person';
  const { data, error, loading, reload } = useAsync((signal) => searchServices(q, audience, signal), [q, audience]);
  const set = (next: { q?: string; audience?: Audience }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };

  return (
    <Flex vertical gap={12} data-testid="services-home">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('services.title')}
      </Typography.Title>
      <Input.Search
        key={q}
        defaultValue={q}
        allowClear
        enterButton={t('services.search.submit')}
        placeholder={t('services.search.placeholder')}
        aria-label={t('services.search.placeholder')}
        onSearch={(value) => set({ q: value.trim() })}
        data-testid="services-search"
      />
      <Segmented<Audience>
        block
        value={audience}
        onChange={(v) => set({ audience: v })}
        data-testid="services-audience"
        options={[
          { value: 'person', label: <span data-testid="services-audience-person">{t('services.audience.person')}</span> },
          { value: 'business', label: <span data-testid="services-audience-business">{t('services.audience.business')}</span> },
        ]}
      />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <Typography.Text type="secondary">{data ? t('services.results.count', { n: data.length }) : ' '}</Typography.Text>
      <div data-testid="services-results" data-count={data?.length ?? 0} data-loading={String(loading)} data-query={q}>
        <Flex vertical gap={8}>
          {data && data.length === 0 ? (
            <Card>
              <Empty description={t('services.results.empty')} />
            </Card>
          ) : null}
          {(data ?? []).map((s) => (
            <ResultCard key={s.code} item={s} to={`${basePath}/${encodeURIComponent(s.code)}`} locale={locale} />
          ))}
        </Flex>
      </div>
    </Flex>
  );
}

function ResultCard({ item, to, locale }: { item: ServiceSummary; to: string; locale: 'zh-CN' | 'en' }) {
  const { t } = useI18n();
  return (
    <Link to={to} data-testid="service-hit" data-code={item.code} style={{ color: 'inherit' }}>
      <Card size="small" hoverable>
        <Flex align="center" gap={8}>
          <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text strong>{locale === 'en' && item.nameEn ? item.nameEn : item.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.department} · {t(`services.type.${item.itemType}`)}
            </Typography.Text>
            <Flex gap={4} wrap>
              <LimitTag days={item.promisedLimitDays} />
              <VisitsTag visits={item.onsiteVisits} />
              {item.online ? <Tag color="blue">{t('services.online')}</Tag> : <Tag>{t('services.offlineOnly')}</Tag>}
            </Flex>
          </Flex>
          <RightOutlined style={{ opacity: 0.45 }} />
        </Flex>
      </Card>
    </Link>
  );
}
