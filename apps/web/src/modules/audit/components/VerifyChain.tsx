import { useState } from 'react';
import { Alert, Button, Flex } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useT } from '../../../shared/i18n/index.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { verifyChain, type AuditVerification } from '../api.ts';

/**
 * "Verify chain" button and its verdict. The result element carries
 * `data-ok="true|false"` for tests and monitoring scripts.
 */
export function VerifyChain() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyChain());
    } catch (err) {
      setResult(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      <div>
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void run()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {result ? (
        <div data-testid="audit-verify-result" data-ok={String(result.ok)}>
          {result.ok ? (
            <Alert type="success" showIcon title={t('audit.verifyOk', { n: result.entries })} />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t('audit.verifyBad', { n: result.entries })}
              description={result.firstBad ? t('audit.firstBad', { seq: result.firstBad.seq, reason: result.firstBad.reason }) : undefined}
            />
          )}
        </div>
      ) : null}
    </Flex>
  );
}
