import { Flex, Typography } from 'antd';
import { useParams } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { RatingPanel } from '../components/RatingPanel.tsx';
import type { SubjectKind } from '../api.ts';

const KINDS: readonly SubjectKind[] = ['application', 'hall_visit'];

/** 评价 (京通) `/ratings/{kind}/{id}`: rate a completed application or a hall visit; linkable from any module. */
export function RatePage() {
  const t = useT();
  const { kind = '', id = '' } = useParams<{ kind: string; id: string }>();
  if (!KINDS.includes(kind as SubjectKind)) return <ErrorAlert error={new Error(kind)} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('ratings.title')}
      </Typography.Title>
      <RatingPanel kind={kind as SubjectKind} id={id} />
    </Flex>
  );
}
