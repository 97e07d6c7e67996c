import { Alert, Button } from 'antd';
import { useT } from '../i18n/index.ts';
import { ApiError } from '../api/index.ts';
import { errorText } from '../api/errors.ts';

/**
 * Shows a caught error, translated by its code, with the request id people can
 * quote to support (it is also in the server logs), and an optional retry.
 */
export function ErrorAlert({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const t = useT();
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId ?? 'error-alert'}
      title={errorText(t, error)}
      description={requestId ? t('common.requestId', { id: requestId }) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
