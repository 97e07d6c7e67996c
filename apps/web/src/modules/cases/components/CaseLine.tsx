import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import type { CaseSummary } from '../api.ts';
import { localName } from '../labels.ts';
import { CaseStatusTag } from './CaseStatusTag.tsx';

/** A case in a compact list: number (a link to `to`), status, category and when it came in. `data-number` for tests. */
export function CaseLine({ value, to, testId }: { value: CaseSummary; to: string; testId: string }) {
  const { locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  return (
    <Flex gap={8} align="center" wrap data-testid={testId} data-number={value.number}>
      <Link to={to} style={{ fontFamily: 'monospace' }}>
        {value.number}
      </Link>
      <CaseStatusTag status={value.status} />
      <Typography.Text>{localName(value.category.name, locale)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatInstant(value.createdAt, locale, timeZone)}
      </Typography.Text>
    </Flex>
  );
}
