import { useCallback, useEffect } from 'react';
import { Card, Col, Flex, Row } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../../shared/i18n/index.ts';
import { useClientConfig } from '../../../shared/clientConfig.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { useSession } from '../../identity/index.ts';
import { useOrgTree } from '../hooks/useOrgTree.ts';
import { OrgTree } from '../components/OrgTree.tsx';
import { UnitSearch } from '../components/UnitSearch.tsx';
import { UnitDetails } from '../components/UnitDetails.tsx';
import { StaffTable } from '../components/StaffTable.tsx';

/**
 * 通讯录 Directory: the org tree of the whole city (units are public), the
 * selected unit's details and its people (only within the viewer's scope).
 * The selected unit is in the URL (`<basePath>/<code>`), so a unit can be linked to.
 * Opens on the viewer's own unit.
 */
export function DirectoryPage({ basePath }: { basePath: string }) {
  const config = useClientConfig();
  if (config.error) return <ErrorAlert error={config.error} onRetry={config.reload} />;
  if (!config.data) return <PageLoading />;
  return <Directory basePath={basePath} rootCode={config.data.cityCode} />;
}

function Directory({ basePath, rootCode }: { basePath: string; rootCode: string }) {
  const t = useT();
  const navigate = useNavigate();
  const { code } = useParams<{ code: string }>();
  const { me } = useSession();
  const homeUnit = me?.unit?.code ?? rootCode;
  const tree = useOrgTree(rootCode);

  const select = useCallback((next: string) => navigate(`${basePath}/${encodeURIComponent(next)}`), [navigate, basePath]);

  useEffect(() => {
    if (!code) navigate(`${basePath}/${encodeURIComponent(homeUnit)}`, { replace: true });
  }, [code, homeUnit, basePath, navigate]);

  // Revealing also loads the unit (with its path) for the details card.
  // The viewer's own unit opens one level further, to show what is under it.
  const unit = useAsync(async () => (code ? tree.reveal(code, { expandSelf: code === homeUnit }) : undefined), [code, tree.reveal]);
  const unitName = useCallback((c: string) => tree.units.get(c)?.name ?? c, [tree.units]);

  return (
    <Row gutter={[16, 16]} data-testid="directory-page">
      <Col xs={24} lg={9}>
        <Card title={t('directory.title')} styles={{ body: { padding: 12 } }}>
          <Flex vertical gap={12}>
            <UnitSearch onPick={select} />
            <OrgTree tree={tree} selected={code ?? null} onSelect={select} />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Flex vertical gap={16}>
          <UnitDetails unit={unit.data} error={unit.error} onSelect={select} />
          {code && !unit.error ? <StaffTable code={code} unitName={unitName} /> : null}
        </Flex>
      </Col>
    </Row>
  );
}
