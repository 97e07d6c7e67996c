import { Flex, Typography } from 'antd';
import { useParams } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { getScreen } from '../api.ts';
import { usePoll } from '../hooks/usePoll.ts';

/**
 * 叫号屏: the public call screen of a hall, for the wall — latest calls in
 * large type (number → window), how many wait; polled every 3 s. Ticket
 * numbers only, no names.
 */
export function ScreenPage() {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const { data, error, reload } = useAsync((signal) => getScreen(id, signal), [id]);
  usePoll(reload, 3000);
  if (error && !data) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  const [latest, ...rest] = data.calls;
  return (
    <div data-testid="hall-screen" data-calls={data.calls.length} style={{ background: '#0b2447', color: '#fff', minHeight: '80vh', padding: 16, borderRadius: 8 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
          {t('halls.screen.title', { hall: data.hall.name })}
        </Typography.Title>
        <span style={{ fontSize: 22 }} data-testid="screen-waiting" data-count={data.waiting}>{t('halls.screen.waiting', { n: data.waiting })}</span>
      </Flex>
      {latest ? (
        <div data-testid="screen-latest" data-ticket={latest.ticket} data-window={latest.windowNumber} style={{ textAlign: 'center', margin: '32px 0', fontSize: 'clamp(40px, 12vw, 120px)', fontWeight: 800, color: '#ffd666' }}>
          {latest.ticket} → {t('halls.window.number', { n: latest.windowNumber })}
        </div>
      ) : (
        <div style={{ textAlign: 'center', margin: '32px 0', fontSize: 40 }}>{t('halls.screen.none')}</div>
      )}
      <table style={{ width: '100%', fontSize: 'clamp(20px, 5vw, 40px)', borderCollapse: 'collapse' }}>
        <thead>
          <tr style={{ opacity: 0.7 }}>
            <th style={{ textAlign: 'left' }}>{t('halls.screen.ticket')}</th>
            <th style={{ textAlign: 'left' }}>{t('halls.screen.window')}</th>
          </tr>
        </thead>
        <tbody>
          {rest.map((c) => (
            <tr key={`${c.ticket}-${c.calledAt}`} data-testid="screen-call">
              <td>{c.ticket}</td>
              <td>{t('halls.window.number', { n: c.windowNumber })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
