import { Flex, Spin } from 'antd';
import { useT } from '../i18n/index.ts';

/** A centred spinner for a page or a lazily loaded portal. */
export function PageLoading() {
  const t = useT();
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }} data-testid="page-loading">
      <Spin description={t('common.loading')} />
    </Flex>
  );
}
