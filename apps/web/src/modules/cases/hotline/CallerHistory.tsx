import { useEffect, useState } from 'react';
import { Card, Empty, Flex } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { listCases } from '../api.ts';
import { CaseLine } from '../components/CaseLine.tsx';

/** Mobile or landline, as the server accepts them for callers. */
export const CALLER_PHONE = /^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/;

/**
 * The caller's earlier requests (`GET /api/v1/cases?callerPhone=`), shown as
 * soon as a whole number is typed, so the operator sees a repeat caller at once.
 * `refresh` changes after each case taken, to include it.
 */
export function CallerHistory({ phone, basePath, refresh }: { phone: string | undefined; basePath: string; refresh: number }) {
  const t = useT();
  // Only whole numbers are looked up, after a short pause in typing.
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    const p = phone?.trim() ?? '';
    const timer = setTimeout(() => setSettled(CALLER_PHONE.test(p) ? p : null), 200);
    return () => clearTimeout(timer);
  }, [phone]);
  const { data, error, loading, reload } = useAsync(
    (signal) => (settled ? listCases({ callerPhone: settled, limit: 20 }, signal) : Promise.resolve(null)),
    [settled, refresh],
  );
  if (!settled) return null;
  return (
    <Card size="small" title={t('hotline.history')} extra={data ? t('hotline.historyCount', { n: data.length }) : null} data-testid="hotline-history" data-count={loading ? '' : String(data?.length ?? 0)}>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {data && data.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.historyEmpty')} /> : null}
      <Flex vertical gap={6}>
        {(data ?? []).map((c) => (
          <CaseLine key={c.id} value={c} to={`${basePath}/${encodeURIComponent(c.id)}`} testId="hotline-history-item" />
        ))}
      </Flex>
    </Card>
  );
}
