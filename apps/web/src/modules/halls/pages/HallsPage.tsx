import { Tag } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { LinkCard, LinkCardList } from '../../../shared/ui/LinkCardList.tsx';
import { listHalls } from '../api.ts';
import { hoursText } from '../labels.ts';

/** 政务服务大厅 (京通): every hall with its level, hours and whether it is open now. */
export function HallsPage({ basePath }: { basePath: string }) {
  const t = useT();
  const halls = useAsync((signal) => listHalls(undefined, signal), []);
  return (
    <LinkCardList
      testId="halls-page"
      title={t('halls.title')}
      actions={
        <Link to={`${basePath}/mine`} data-testid="halls-mine-link">
          {t('halls.mine.title')}
        </Link>
      }
      state={halls}
      emptyText={t('halls.list.empty')}
      listTestId="halls-list"
      renderItem={(h) => (
        <LinkCard
          to={`${basePath}/${encodeURIComponent(h.id)}`}
          data-testid={`hall-${h.id}`}
          title={h.name}
          tags={
            <>
              <Tag>{t(`halls.level.${h.level}`)}</Tag>
              <Tag color={h.openNow ? 'green' : 'default'}>{t(h.openNow ? 'halls.openNow' : 'halls.closedNow')}</Tag>
            </>
          }
          description={
            <>
              <EnvironmentOutlined /> {h.address}
            </>
          }
          meta={hoursText(t, h.hours)}
        />
      )}
    />
  );
}
