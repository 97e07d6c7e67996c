import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { LinkCard, LinkCardList } from '../../../shared/ui/LinkCardList.tsx';
import { listCases } from '../api.ts';
import { localName } from '../labels.ts';
import { CaseStatusTag } from '../components/CaseStatusTag.tsx';

/** 我的诉求 (京通): the resident's requests, newest first, each opening its progress page. */
export function MyCasesPage({ basePath }: { basePath: string }) {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const cases = useAsync((signal) => listCases({ scope: 'mine' }, signal), []);

  return (
    <LinkCardList
      testId="my-cases"
      title={t('cases.mine.title')}
      actions={
        <Link to={`${basePath}/new`}>
          <Button type="primary" icon={<PlusOutlined />} data-testid="cases-new">
            {t('cases.report.title')}
          </Button>
        </Link>
      }
      state={cases}
      emptyText={t('cases.mine.empty')}
      listTestId="my-cases-list"
      renderItem={(c) => (
        <LinkCard
          to={`${basePath}/${encodeURIComponent(c.id)}`}
          data-testid="my-case"
          data-number={c.number}
          title={localName(c.category.name, locale)}
          tags={<CaseStatusTag status={c.status} />}
          description={c.description}
          meta={`${c.number} · ${formatInstant(c.createdAt, locale, timeZone)}`}
        />
      )}
    />
  );
}
