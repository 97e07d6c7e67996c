import { Tag } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import type { CaseStatus } from '../api.ts';
import { STATUS_COLORS, STATUS_KEYS } from '../labels.ts';

/** A case's status as a coloured tag; `data-status` carries the code for tests. */
export function CaseStatusTag({ status, testId }: { status: CaseStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(STATUS_KEYS[status])}
    </Tag>
  );
}
