import { Alert, Drawer, Empty, Flex } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { monthInZone } from '../../../shared/time.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { useScreen } from '../../../shared/ui/useScreen.ts';
import { useSession } from '../../identity/index.ts';
import { listCases } from '../api.ts';
import { CaseLine } from '../components/CaseLine.tsx';

/**
 * A unit's requests of the month, from the league table. The API lists a
 * unit's cases to its own staff only (`scope=unit`), so others are told the
 * details are not theirs to see. Each case links to its 京办 page.
 */
export function RatesUnitCases({ unit, month, onClose }: { unit: { code: string; name: string } | null; month: string; onClose(): void }) {
  const t = useT();
  const { me } = useSession();
  const { wide } = useScreen();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const own = !!unit && me?.unit?.code === unit.code;
  const { data, error, loading, reload } = useAsync(
    async (signal) => (own ? (await listCases({ scope: 'unit', limit: 200 }, signal)).filter((c) => monthInZone(new Date(c.createdAt), timeZone) === month) : null),
    [own, unit?.code, month, timeZone],
  );
  return (
    <Drawer open={!!unit} onClose={onClose} title={unit ? t('rates.cases.title', { unit: unit.name, month }) : null} size={wide ? 520 : '100%'}>
      <div data-testid="rates-cases" data-unit={unit?.code ?? ''} data-count={own && data ? data.length : ''}>
        {!own ? (
          <Alert type="info" showIcon title={t('rates.cases.forbidden')} data-testid="rates-cases-forbidden" />
        ) : error ? (
          <ErrorAlert error={error} onRetry={reload} />
        ) : loading || !data ? (
          <PageLoading />
        ) : data.length === 0 ? (
          <Empty description={t('rates.cases.empty')} />
        ) : (
          <Flex vertical gap={10}>
            {data.map((c) => (
              <CaseLine key={c.id} value={c} to={`/ban/cases/${encodeURIComponent(c.id)}`} testId="rates-case" />
            ))}
          </Flex>
        )}
      </div>
    </Drawer>
  );
}
