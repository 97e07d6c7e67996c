import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { errorText } from '../../../shared/api/errors.ts';
import { getVisit, linkApplication } from '../../halls/index.ts';
import { getItem, getPrefill, type ApplicationView } from '../api.ts';
import { ApplyForm } from '../components/ApplyForm.tsx';

/** The visitor's number → the submission's `onBehalfOf` (credit codes start with a letter or 9 and are not ID numbers). */
function visitorOf(v: string): { idNumber: string } | { creditCode: string } {
  const s = v.trim().toUpperCase();
  return /^\d{17}[\dX]$/.test(s) && !s.startsWith('9') ? { idNumber: s } : { creditCode: s };
}

/**
 * 窗口收件 (京办): a window clerk starts an application for a visitor,
 * `/ban/applications/new?onBehalfOf=<ID number or credit code>&item=<code>`.
 * The window console links here with `visit=<id>` (and the ticket's item): the
 * clerk enters the number from the visitor's ID card, and the submitted
 * application is linked to that visit (one record, whichever channel).
 */
export function NewApplicationPage({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { message } = App.useApp();
  const who = params.get('onBehalfOf') ?? '';
  const code = params.get('item') ?? '';
  const visitId = params.get('visit');
  const visit = useAsync((signal) => (visitId ? getVisit(visitId, signal) : Promise.resolve(null)), [visitId]);
  async function done(a: ApplicationView) {
    if (visitId) {
      try {
        // The latest version: the clerk may have acted on the visit meanwhile.
        const v = await getVisit(visitId);
        await linkApplication(visitId, v.version, a.id);
      } catch (err) {
        void message.error(t('apps.hall.linkFailed', { reason: errorText(t, err) }));
      }
    }
    navigate(`${basePath}/${encodeURIComponent(a.id)}`);
  }
  const [whoDraft, setWhoDraft] = useState(who);
  const [codeDraft, setCodeDraft] = useState(code);
  const ready = who && code;
  const { data, error, reload } = useAsync(async (signal) => {
    if (!ready) return null;
    const visitor = visitorOf(who);
    const [item, prefill] = await Promise.all([getItem(code, signal), getPrefill(code, visitor, signal)]);
    return { item, prefill, visitor };
  }, [who, code]);
  return (
    <Flex vertical gap={12} data-testid="new-application-page">
      <BackLink to={basePath} label={t('common.back')} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('apps.hall.new')}
      </Typography.Title>
      <Card size="small">
        <Flex gap={8} wrap>
          <Input value={whoDraft} onChange={(e) => setWhoDraft(e.target.value)} placeholder={t('apps.hall.lookup')} style={{ maxWidth: 260 }} data-testid="hall-visitor" />
          <Input value={codeDraft} onChange={(e) => setCodeDraft(e.target.value)} placeholder={t('apps.hall.itemCode')} style={{ maxWidth: 200 }} data-testid="hall-item" />
          <Button type="primary" onClick={() => setParams({ onBehalfOf: whoDraft.trim(), item: codeDraft.trim(), ...(visitId ? { visit: visitId } : {}) })} data-testid="hall-load">
            {t('apps.hall.load')}
          </Button>
        </Flex>
      </Card>
      {visit.data ? (
        <Alert type="info" showIcon data-testid="hall-visit" message={t('apps.hall.forVisit', { ticket: visit.data.ticket, name: visit.data.visitor.name ?? '—' })} />
      ) : null}
      {visit.error ? <ErrorAlert error={visit.error} /> : null}
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {ready && !data && !error ? <PageLoading /> : null}
      {data ? (
        <>
          <Typography.Text data-testid="hall-applicant">{t('apps.apply.applicant', { name: data.prefill.applicant.name })}</Typography.Text>
          <ApplyForm item={data.item} prefill={data.prefill} onBehalfOf={data.visitor} onDone={(a) => void done(a)} />
        </>
      ) : null}
    </Flex>
  );
}
