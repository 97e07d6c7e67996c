import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Input, List, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { callNext, getQueue, getVisit, linkApplication, listHalls, visitStep, type Visit, type VisitStep } from '../api.ts';
import { reasonText } from '../labels.ts';
import { usePoll } from '../hooks/usePoll.ts';

const STORE = 'jing.halls.console';

function remembered(): { hall?: string; window?: string } {
  try {
    return JSON.parse(window.localStorage.getItem(STORE) ?? '{}') as { hall?: string; window?: string };
  } catch {
    return {};
  }
}

/**
 * 窗口叫号 (京办): the clerk picks the hall and the window they sit at, calls
 * the next ticket the window serves, starts serving, finishes or marks a
 * no-show; an application for the visitor is started (or continued) on the
 * applications pages and linked to the visit here.
 */
export function ClerkConsolePage() {
  const { t } = useI18n();
  const [hallId, setHallId] = useState<string | undefined>(remembered().hall);
  const [windowId, setWindowId] = useState<string | undefined>(remembered().window);
  const [visit, setVisit] = useState<Visit | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [appId, setAppId] = useState('');
  const halls = useAsync((signal) => listHalls(undefined, signal), []);
  const queue = useAsync((signal) => (hallId ? getQueue(hallId, signal) : Promise.resolve(null)), [hallId]);
  usePoll(queue.reload, 5000);
  const win = queue.data?.windows.find((w) => w.id === windowId);

  useEffect(() => {
    window.localStorage.setItem(STORE, JSON.stringify({ hall: hallId, window: windowId }));
  }, [hallId, windowId]);
  // The visit at the window (after a reload, or called from another device).
  const currentId = win?.current?.visitId;
  useEffect(() => {
    if (!currentId) return setVisit(null);
    if (visit?.id === currentId) return;
    const c = new AbortController();
    getVisit(currentId, c.signal).then(setVisit, () => undefined);
    return () => c.abort();
  }, [currentId]);

  async function run(name: string, action: () => Promise<Visit>) {
    setBusy(name);
    setFailure(null);
    try {
      setVisit(await action());
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
      queue.reload();
    }
  }
  const step = (s: VisitStep) => run(s, () => visitStep(visit!.id, s, visit!.version));
  const active = visit && (visit.status === 'called' || visit.status === 'serving');

  return (
    <Flex vertical gap={12} data-testid="clerk-console">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('halls.console.title')}</Typography.Title>
      <Flex gap={8} wrap>
        <Select
          data-testid="console-hall"
          style={{ minWidth: 240 }}
          placeholder={t('halls.console.hall')}
          value={hallId}
          onChange={(v) => {
            setHallId(v);
            setWindowId(undefined);
          }}
          options={(halls.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
        />
        <Select
          data-testid="console-window"
          style={{ minWidth: 200 }}
          placeholder={t('halls.console.pickWindow')}
          value={win ? windowId : undefined}
          onChange={setWindowId}
          options={(queue.data?.windows ?? []).filter((w) => w.active).map((w) => ({ value: w.id, label: `${t('halls.window.number', { n: w.number })} · ${w.name}` }))}
        />
      </Flex>
      {queue.error ? <ErrorAlert error={queue.error} onRetry={queue.reload} /> : null}
      {win ? (
        <Card
          title={`${t('halls.window.number', { n: win.number })} · ${win.name}`}
          extra={<span data-testid="console-waiting" data-count={queue.data?.waiting.length ?? 0}>{t('halls.console.waiting', { n: queue.data?.waiting.length ?? 0 })}</span>}
          data-testid="console-window-card"
        >
          <Flex vertical gap={12}>
            <Button type="primary" size="large" disabled={!!active} loading={busy === 'call'} onClick={() => void run('call', () => callNext(win.id))} data-testid="console-call-next">
              {t('halls.console.callNext')}
            </Button>
            {failure ? <Alert type="warning" showIcon title={reasonText(t, failure)} data-testid="console-error" /> : null}
            {visit ? (
              <Card size="small" type="inner" title={t('halls.console.current')} data-testid="console-visit" data-status={visit.status} data-ticket={visit.ticket} data-version={visit.version}>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'ticket', label: t('halls.screen.ticket'), children: <Typography.Text strong style={{ fontSize: 24 }}>{visit.ticket}</Typography.Text> },
                    { key: 'visitor', label: t('halls.console.visitor'), children: visit.visitor.name },
                    { key: 'status', label: t('halls.console.status'), children: <Tag>{t(`halls.ticket.status.${visit.status}`)}</Tag> },
                    ...(visit.applicationId ? [{ key: 'app', label: t('halls.console.applicationId'), children: <span data-testid="console-application">{visit.applicationId}</span> }] : []),
                  ]}
                />
                <Flex gap={8} wrap style={{ marginTop: 8 }}>
                  {visit.status === 'called' ? (
                    <>
                      <Button type="primary" loading={busy === 'serve'} onClick={() => void step('serve')} data-testid="console-serve">{t('halls.console.serve')}</Button>
                      <Button danger loading={busy === 'no-show'} onClick={() => void step('no-show')} data-testid="console-no-show">{t('halls.console.noShow')}</Button>
                    </>
                  ) : null}
                  {visit.status === 'serving' ? (
                    <Button type="primary" loading={busy === 'finish'} onClick={() => void step('finish')} data-testid="console-finish">{t('halls.console.finish')}</Button>
                  ) : null}
                </Flex>
                {visit.status === 'serving' || visit.status === 'finished' ? (
                  <Flex vertical gap={8} style={{ marginTop: 12 }}>
                    <Link to={`/ban/applications/new?visit=${encodeURIComponent(visit.id)}${visit.itemCode ? `&item=${encodeURIComponent(visit.itemCode)}` : ''}`} data-testid="console-start-application">
                      {t('halls.console.startApplication')}
                    </Link>
                    <Flex gap={8}>
                      <Input data-testid="console-application-id" placeholder={t('halls.console.applicationId')} value={appId} onChange={(e) => setAppId(e.target.value)} />
                      <Button disabled={!appId.trim()} loading={busy === 'link'} onClick={() => void run('link', () => linkApplication(visit.id, visit.version, appId.trim()))} data-testid="console-link">
                        {t('halls.console.link')}
                      </Button>
                    </Flex>
                  </Flex>
                ) : null}
              </Card>
            ) : (
              <Typography.Text type="secondary">{t('halls.console.none')}</Typography.Text>
            )}
          </Flex>
        </Card>
      ) : null}
      {queue.data ? (
        <Card size="small" title={t('halls.console.queue')}>
          {queue.data.waiting.length === 0 ? <Empty description={t('halls.screen.none')} /> : null}
          <List
            size="small"
            dataSource={queue.data.waiting}
            renderItem={(x) => (
              <List.Item data-testid="console-queue-item" data-label={x.label}>
                <Typography.Text strong>{x.label}</Typography.Text> <Tag>{t(`halls.ticket.kind.${x.kind}`)}</Tag>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </Flex>
  );
}
