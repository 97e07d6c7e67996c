import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { DownloadOutlined, LikeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { act, certificatePdfUrl, getApplication, getItem, type ApplicationView } from '../api.ts';
import { ApplicationTimeline, ClockTag, StatusTag } from '../components/bits.tsx';
import { MaterialField, type MaterialChoice } from '../components/MaterialField.tsx';
import { materialsOf } from '../components/ApplyForm.tsx';

/** 办件详情 (京通): status, clock, the timeline, a correction to answer, the result to download. */
export function MyApplicationPage({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error, reload } = useAsync((signal) => getApplication(id, signal), [id]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  const a = data;
  return (
    <Flex vertical gap={12} data-testid="my-application-page" data-status={a.status} data-version={a.version}>
      <BackLink to={basePath} label={t('common.back')} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {a.item.name}
      </Typography.Title>
      <Flex gap={6} wrap>
        <StatusTag status={a.status} />
        <ClockTag clock={a.clock} />
      </Flex>
      <Card size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('apps.field.number')}>
            <span data-testid="app-number">{a.number}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('apps.field.situation')}>{a.situation.name}</Descriptions.Item>
          <Descriptions.Item label={t('apps.field.unit')}>{a.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('apps.field.step')}>{a.step?.name ?? '—'}</Descriptions.Item>
          {a.decision ? <Descriptions.Item label={t('apps.field.decision')}>{a.decision.reason}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      {a.status === 'correction' && a.correction ? <Correction a={a} onDone={reload} /> : null}
      {a.certificateId ? (
        <Card size="small" title={t('apps.result.title')} data-testid="app-result">
          <Flex gap={8} wrap>
            <a href={certificatePdfUrl(a.certificateId)} download data-testid="app-certificate-pdf">
              <Button type="primary" icon={<DownloadOutlined />}>
                {t('apps.wallet.download')}
              </Button>
            </a>
            <Link to="/wallet">
              <Button icon={<SafetyCertificateOutlined />}>{t('apps.wallet.title')}</Button>
            </Link>
          </Flex>
        </Card>
      ) : null}
      {['approved', 'denied', 'refused'].includes(a.status) ? (
        // 一事一评: every completed service can be rated once, by the person served.
        <Link to={`/ratings/application/${a.id}`} data-testid="app-rate">
          <Button block icon={<LikeOutlined />}>
            {t('apps.rate')}
          </Button>
        </Link>
      ) : null}
      <Card size="small" title={t('apps.timeline')}>
        <ApplicationTimeline value={a} />
      </Card>
    </Flex>
  );
}

/** 补正: the list of what to fix, asked once, and the form to send the fixes. */
function Correction({ a, onDone }: { a: ApplicationView; onDone(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [choices, setChoices] = useState<Record<string, MaterialChoice>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const item = useAsync((signal) => getItem(a.item.code, signal), [a.item.code]);
  const items = a.correction!.items;
  const fields = items.filter((x) => x.target === 'field');
  const materials = items.filter((x) => x.target === 'material');
  // The published version's material specs (formats, sizes); the server checks against the pinned one.
  const situation = item.data?.definition.situations.find((s) => s.code === a.situation.code);

  async function send() {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await act(a.id, 'resubmit', { version: a.version, form: values, materials: materialsOf(choices) });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('apps.correction.title')} data-testid="app-correction">
      <Alert type="warning" showIcon title={t('apps.correction.hint')} style={{ marginBottom: 12 }} />
      <ul data-testid="app-correction-items" data-count={items.length}>
        {items.map((x) => (
          <li key={`${x.target}-${x.code}`}>{x.note}</li>
        ))}
      </ul>
      <Form form={form} layout="vertical" initialValues={a.form}>
        {fields.map((f) => (
          <Form.Item key={f.code} name={f.code} label={f.note} rules={[{ required: true }]}>
            <Input data-testid={`correction-field-${f.code}`} />
          </Form.Item>
        ))}
      </Form>
      <Flex vertical gap={12}>
        {materials.map((m) => {
          const spec = situation?.materials.find((x) => x.code === m.code);
          return spec ? <MaterialField key={m.code} material={spec} held={[]} value={choices[m.code]} onChange={(c) => setChoices((x) => ({ ...x, [m.code]: c }))} /> : null;
        })}
      </Flex>
      {error ? <ErrorAlert error={error} /> : null}
      <Button type="primary" block style={{ marginTop: 12 }} loading={busy} onClick={() => void send()} data-testid="correction-submit">
        {t('apps.correction.submit')}
      </Button>
    </Card>
  );
}
