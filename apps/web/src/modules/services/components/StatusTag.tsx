import { Tag } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';

const COLORS = { draft: 'gold', published: 'green', retired: 'default' } as const;

/** 草稿 / 已发布 / 已停用: the state of an item version. */
export function StatusTag({ status }: { status: keyof typeof COLORS }) {
  const t = useT();
  return (
    <Tag color={COLORS[status]} data-testid="version-status" data-status={status}>
      {t(`services.admin.status.${status}`)}
    </Tag>
  );
}
