import { App, Card, Checkbox, Descriptions, Flex, Form, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useI18n, type MessageKey } from '../../../shared/i18n/index.ts';
import { ApiError } from '../../../shared/api/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { announceWorkChanged } from '../../../shared/workChanged.ts';
import { ActionPanel, type PanelAction } from '../../../shared/ui/ActionPanel.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { useSession, hasPermission } from '../../identity/index.ts';
import { act, getApplication, getItem, type ActionName, type ApplicationView } from '../api.ts';
import { ApplicationTimeline, ClockTag, StatusTag } from '../components/bits.tsx';

const reason = (label: MessageKey, t: (k: MessageKey) => string, name = 'reason') => (
  <Form.Item name={name} label={t(label)} rules={[{ required: true }]}>
    <Input.TextArea rows={3} data-testid={`field-${name}`} />
  </Form.Item>
);

/** Which actions the application offers now, to whom (the server checks again). */
function actionsFor(a: ApplicationView, processor: boolean, t: (k: MessageKey) => string, targets: { value: string; label: string }[], specials: string[]): PanelAction[] {
  const out: PanelAction[] = [];
  const kind = a.step?.kind;
  if (a.status === 'submitted' && processor) {
    out.push({ key: 'accept', label: 'apps.action.accept' });
    out.push({ key: 'refuse', label: 'apps.action.refuse', danger: true, fields: reason('apps.field.reason', t) });
  }
  if ((a.status === 'submitted' || a.status === 'processing') && processor && !a.correction) {
    out.push({
      key: 'correction',
      label: 'apps.action.correction',
      fields: (
        <>
          <Form.Item name="targets" label={t('apps.correction.targets')} rules={[{ required: true }]}>
            <Checkbox.Group data-testid="field-targets">
              <Flex vertical>
                {targets.map((x) => (
                  <Checkbox key={x.value} value={x.value} data-testid={`target-${x.value}`}>
                    {x.label}
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
          {reason('apps.correction.note', t, 'note')}
        </>
      ),
    });
  }
  if (a.status === 'processing' && processor && !a.specialStep && kind === 'review') out.push({ key: 'review', label: 'apps.action.review', fields: reason('apps.field.opinion', t, 'opinion') });
  if (a.status === 'processing' && processor && specials.length) {
    if (a.specialStep) out.push({ key: 'special-end', label: 'apps.action.specialEnd' });
    else out.push({ key: 'special-start', label: 'apps.action.specialStart', fields: <Form.Item name="index" label={t('apps.field.special')} initialValue={0}><Select options={specials.map((s, i) => ({ value: i, label: s }))} /></Form.Item> });
  }
  if (a.status === 'processing' && kind === 'countersign' && a.countersigns.some((c) => !c.signedAt)) {
    out.push({
      key: 'countersign',
      label: 'apps.action.countersign',
      initial: { agree: true },
      fields: (
        <>
          <Form.Item name="agree" label={t('apps.field.agree')}>
            <Radio.Group data-testid="field-agree">
              <Radio value>{t('apps.field.yes')}</Radio>
              <Radio value={false}>{t('apps.field.no')}</Radio>
            </Radio.Group>
          </Form.Item>
          {reason('apps.field.opinion', t, 'opinion')}
        </>
      ),
    });
  }
  if (a.status === 'processing' && processor && !a.specialStep && kind === 'decide') {
    out.push({
      key: 'decide',
      label: 'apps.action.decide',
      initial: { approve: true },
      fields: (
        <>
          <Form.Item name="approve" label={t('apps.field.decision')}>
            <Radio.Group data-testid="field-approve">
              <Radio value data-testid="decide-approve">{t('apps.field.approve')}</Radio>
              <Radio value={false} data-testid="decide-deny">{t('apps.field.deny')}</Radio>
            </Radio.Group>
          </Form.Item>
          {reason('apps.field.reason', t)}
        </>
      ),
    });
  }
  return out;
}

/** 办件办理 (京办): the record, its clock and history, and the actions of the current step. */
export function HandleApplicationPage({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const { id = '' } = useParams();
  const { data, error, reload } = useAsync(async (signal) => {
    const a = await getApplication(id, signal);
    const item = await getItem(a.item.code, signal).catch(() => null);
    return { a, item };
  }, [id]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  const { a, item } = data;
  const processor = hasPermission(me, 'applications.process');
  const situation = item?.definition.situations.find((s) => s.code === a.situation.code);
  const targets = [
    ...(situation?.materials ?? []).map((m) => ({ value: `material:${m.code}`, label: `${t('apps.correction.material')}：${m.name.zh}` })),
    ...(item?.definition.formFields ?? []).map((f) => ({ value: `field:${f.key}`, label: `${t('apps.correction.field')}：${f.label.zh}` })),
  ];
  const labelOf = new Map(targets.map((x) => [x.value, x.label.split('：')[1] ?? x.value]));
  const specials = (item?.definition.specialSteps ?? []).map((s) => s.name.zh);

  async function run(key: string, values: Record<string, any>): Promise<boolean> {
    let action: ActionName = key as ActionName;
    let body: Record<string, unknown> = { version: a.version, ...values };
    if (key === 'correction') {
      body = { version: a.version, items: (values.targets as string[]).map((v) => ({ target: v.split(':')[0], code: v.split(':')[1], note: `${labelOf.get(v)}：${values.note}` })) };
    }
    if (key === 'special-start' || key === 'special-end') {
      action = 'special';
      body = { version: a.version, action: key === 'special-start' ? 'start' : 'end', index: key === 'special-start' ? (values.index ?? 0) : (a.specialStep?.index ?? 0) };
    }
    try {
      await act(a.id, action, body as never);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') {
        void message.warning(t('apps.changedMeanwhile'));
        reload();
        return false;
      }
      throw err;
    }
    announceWorkChanged();
    reload();
    return true;
  }

  return (
    <Flex vertical gap={12} data-testid="application-page" data-status={a.status} data-version={a.version} data-step={a.step?.kind ?? ''}>
      <BackLink to={basePath} label={t('common.back')} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {a.item.name} <Typography.Text type="secondary" style={{ fontSize: 14 }}>v{a.item.version}</Typography.Text>
      </Typography.Title>
      <Flex gap={6} wrap>
        <StatusTag status={a.status} />
        <ClockTag clock={a.clock} />
        {a.step ? <Tag data-testid="app-step">{a.step.name}</Tag> : null}
        <Tag>{t(`apps.channel.${a.channel}` as MessageKey)}</Tag>
      </Flex>
      <Card size="small" title={t('apps.actions')}>
        <div data-testid="app-actions">
          <ActionPanel actions={actionsFor(a, processor, t, targets, specials)} run={run} emptyText="apps.noActions" />
        </div>
      </Card>
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('apps.field.number')}>{a.number}</Descriptions.Item>
          <Descriptions.Item label={t('apps.field.applicant')}>{a.applicant.name}</Descriptions.Item>
          <Descriptions.Item label={t('apps.field.situation')}>{a.situation.name}</Descriptions.Item>
          <Descriptions.Item label={t('apps.field.unit')}>{a.unit.name}</Descriptions.Item>
          {a.clock.promisedDueAt ? <Descriptions.Item label={t('apps.field.due')}>{a.clock.promisedDueAt.slice(0, 10)}</Descriptions.Item> : null}
          {a.submittedBy ? <Descriptions.Item label={t('apps.field.submittedBy')}>{a.submittedBy}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card size="small" title={t('apps.apply.form')}>
        <Descriptions column={1} size="small" data-testid="app-form">
          {Object.entries(a.form).map(([k, v]) => (
            <Descriptions.Item key={k} label={item?.definition.formFields.find((f) => f.key === k)?.label.zh ?? k}>
              {String(v)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card size="small" title={t('apps.apply.materials')}>
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={a.materials}
          data-testid="app-materials"
          columns={[
            { title: t('apps.material.name'), dataIndex: 'name' },
            {
              title: t('apps.material.content'),
              render: (_, m) =>
                m.certificate ? (
                  <Tag color="green" data-testid={`app-material-${m.code}`} data-source="certificate">{t('apps.material.held')} · {m.certificate.title} {m.certificate.number}</Tag>
                ) : (
                  <Flex gap={6} wrap data-testid={`app-material-${m.code}`} data-source="upload">
                    {m.files.map((f) => (
                      <a key={f.id} href={`/api/v1/files/${f.id}`} target="_blank" rel="noreferrer">
                        {f.name ?? f.contentType}
                      </a>
                    ))}
                  </Flex>
                ),
            },
          ]}
        />
      </Card>
      {a.countersigns.length ? (
        <Card size="small" title={t('apps.countersigns')}>
          {a.countersigns.map((c) => (
            <div key={c.unit.code} data-testid={`countersign-${c.unit.code}`} data-signed={String(!!c.signedAt)}>
              {c.unit.name}：{c.signedAt ? `${c.agree ? t('apps.field.yes') : t('apps.field.no')} · ${c.opinion ?? ''}` : t('apps.countersign.pending')}
            </div>
          ))}
        </Card>
      ) : null}
      <Card size="small" title={t('apps.timeline')}>
        <ApplicationTimeline value={a} />
      </Card>
    </Flex>
  );
}
