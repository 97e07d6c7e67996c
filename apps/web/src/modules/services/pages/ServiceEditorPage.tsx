import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, List, Popconfirm, Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { ApiError } from '../../../shared/api/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { BackLink } from '../../../shared/ui/BackLink.tsx';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { listVersions, publishVersion, retireVersion, saveDraft, type DraftBody, type ServiceItem } from '../api.ts';
import { StatusTag } from '../components/StatusTag.tsx';

interface Issue {
  path: string;
  message: string;
}

/** The skeleton of a new item: every required element, to be filled in before it validates. */
const skeleton = (code: string) => ({
  code,
  name: { zh: '', en: '' },
  itemType: 'public_service',
  audience: ['person'],
  department: { type: 'gov_services', name: { zh: '' } },
  implementedBy: { level: 'district', unitType: 'gov_services' },
  legalBasis: [''],
  acceptanceConditions: [],
  questions: [],
  situations: [{ code: 'default', name: { zh: '' }, when: {}, materials: [] }],
  formFields: [],
  steps: [{ code: 'accept', name: { zh: '受理' }, kind: 'accept' }],
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  onsiteVisits: 0,
  channels: { online: true, offline: true },
  result: { kind: 'none', name: { zh: '' } },
});

/**
 * One catalogue item in 京办: its versions, the definition as JSON with the
 * server's field errors listed under it, and save draft / publish / retire.
 * Saving sends the version it was edited from; a 409 reloads the latest.
 */
export function ServiceEditorPage({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const isNew = params.get('new') === '1';
  const versions = useAsync((signal) => listVersions(code, signal).catch((e: unknown) => (isNew && e instanceof ApiError && e.code === 'not_found' ? [] : Promise.reject(e))), [code, isNew]);
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const list = versions.data;
  const latest: ServiceItem | undefined = list?.[list.length - 1];
  const published = list?.find((v) => v.status === 'published');

  useEffect(() => {
    if (list) setText(JSON.stringify(latest ? latest.definition : skeleton(code), null, 2));
  }, [list, latest, code]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setIssues(null);
    setFailure(null);
    try {
      void message.success(await action());
      versions.reload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'validation_failed') setIssues(((err.details as { issues?: Issue[] })?.issues ?? []).slice(0, 20));
      else if (err instanceof ApiError && err.code === 'conflict') {
        void message.warning(t('services.admin.stale'));
        versions.reload();
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      let definition: DraftBody['definition'];
      try {
        definition = JSON.parse(text) as DraftBody['definition'];
      } catch (e) {
        throw new ApiError(400, 'validation_failed', 'json', { issues: [{ path: 'json', message: t('services.admin.editor.badJson', { message: (e as Error).message }) }] }, null);
      }
      const saved = await saveDraft(code, { definition, basedOn: latest ? { version: latest.version, updatedAt: latest.updatedAt } : null });
      return t('services.admin.saved', { n: saved.version });
    });

  if (versions.error) return <ErrorAlert error={versions.error} onRetry={versions.reload} />;
  if (!list) return <PageLoading />;

  return (
    <Flex vertical gap={12} data-testid="service-editor" data-code={code}>
      <BackLink to={basePath} label={t('services.admin.title')} />
      <Card size="small" title={`${code} ${latest?.name ?? ''}`}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('services.admin.versions')}
        </Typography.Title>
        <div data-testid="version-list" data-count={list.length}>
          <Flex gap={8} wrap>
            {list.map((v) => (
              <Space key={v.version} size={4} data-testid="version" data-version={v.version} data-status={v.status}>
                {t('services.admin.version', { n: v.version })}
                <StatusTag status={v.status} />
              </Space>
            ))}
          </Flex>
        </div>
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {latest?.status === 'draft' ? (
            <Button type="primary" loading={busy} onClick={() => run(async () => t('services.admin.published', { n: (await publishVersion(code, latest.version)).version }))} data-testid="version-publish">
              {t('services.admin.publish', { n: latest.version })}
            </Button>
          ) : null}
          {published ? (
            <Popconfirm title={t('services.admin.retireConfirm')} onConfirm={() => run(async () => t('services.admin.retired', { n: (await retireVersion(code, published.version)).version }))} okButtonProps={{ danger: true }}>
              <Button danger loading={busy} data-testid="version-retire">
                {t('services.admin.retire')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Card>
      <Card size="small" title={t('services.admin.editor')}>
        <Typography.Paragraph type="secondary">{t('services.admin.editor.hint')}</Typography.Paragraph>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 12, maxRows: 40 }} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="definition-editor" />
        {issues ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('services.admin.issues')}
            data-testid="definition-issues"
            description={<List size="small" dataSource={issues} renderItem={(i) => <List.Item data-testid="definition-issue" data-path={i.path}><Typography.Text code>{i.path}</Typography.Text> {i.message}</List.Item>} />}
          />
        ) : null}
        {failure ? <div style={{ marginTop: 12 }}><ErrorAlert error={failure} /></div> : null}
        <Button type="primary" style={{ marginTop: 12 }} loading={busy} onClick={save} data-testid="definition-save">
          {t('services.admin.save')}
        </Button>
      </Card>
    </Flex>
  );
}
