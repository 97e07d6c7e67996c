import { useState } from 'react';
import { Button, Card, Result, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { uuidV4 } from '../../../shared/uuid.ts';
import type { CaseView } from '../api.ts';
import { ReportForm } from '../components/ReportForm.tsx';

/**
 * 我要反映 (京通): the report form, then the tracking number. Each fill of the
 * form has its own idempotency key, so a double tap or a retry after a lost
 * answer never files the same request twice. `basePath` is where the resident's cases live.
 */
export function ReportCasePage({ basePath }: { basePath: string }) {
  const t = useT();
  const [key, setKey] = useState(uuidV4);
  const [created, setCreated] = useState<CaseView | null>(null);

  if (created) {
    return (
      <Card data-testid="report-done">
        <Result
          status="success"
          title={t('cases.report.done')}
          subTitle={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>{t('cases.field.number')}</Typography.Paragraph>
              <Typography.Text strong copyable style={{ fontSize: 18, fontFamily: 'monospace' }} data-testid="report-number">
                {created.number}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('cases.report.doneBody')}
              </Typography.Paragraph>
            </>
          }
          extra={[
            <Link key="view" to={`${basePath}/${encodeURIComponent(created.id)}`}>
              <Button type="primary" data-testid="report-view">
                {t('cases.report.view')}
              </Button>
            </Link>,
            <Button
              key="again"
              data-testid="report-another"
              onClick={() => {
                setKey(uuidV4());
                setCreated(null);
              }}
            >
              {t('cases.report.another')}
            </Button>,
          ]}
        />
      </Card>
    );
  }
  return (
    <Card data-testid="report-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('cases.report.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('cases.report.intro')}</Typography.Paragraph>
      <ReportForm key={key} idempotencyKey={key} onDone={setCreated} />
    </Card>
  );
}
