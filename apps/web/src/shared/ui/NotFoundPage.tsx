import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/index.ts';

/** The page for a path no portal knows. */
export function NotFoundPage({ home = '/' }: { home?: string }) {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.body')}
      extra={
        <Link to={home}>
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
