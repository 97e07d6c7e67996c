import { Card, Descriptions, Empty, Flex, Select, Statistic, Tag, type DescriptionsProps } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { LEVEL_COLORS, LEVEL_KEYS, listChildren, type OrgLevel } from '../../org/index.ts';

/** A district as the panel lists it. */
export interface DistrictRef {
  code: string;
  name: string;
}

/**
 * What is known about the selected district: name, code and its children
 * (from the org API), broken down by level. The district picker doubles as
 * the keyboard and screen-reader way to choose, where clicking a map is not an option.
 */
export function DistrictInfoPanel({ districts, selected, onSelect }: { districts: DistrictRef[]; selected: string | null; onSelect(code: string): void }) {
  const t = useT();
  const district = districts.find((d) => d.code === selected) ?? null;
  return (
    <Card title={t('zhi.panel.title')} data-testid="zhi-district-panel" style={{ height: '100%' }}>
      <Select
        data-testid="district-select"
        style={{ width: '100%', marginBottom: 16 }}
        placeholder={t('zhi.panel.pick')}
        value={district?.code}
        onChange={onSelect}
        showSearch={{ optionFilterProp: 'label' }}
        options={districts.map((d) => ({ value: d.code, label: d.name }))}
      />
      {district ? <DistrictFacts district={district} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('zhi.panel.hint')} />}
    </Card>
  );
}

function DistrictFacts({ district }: { district: DistrictRef }) {
  const t = useT();
  const { data, error, loading, reload } = useAsync((signal) => listChildren(district.code, signal), [district.code]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;

  const byLevel = new Map<OrgLevel, number>();
  for (const c of data ?? []) byLevel.set(c.level, (byLevel.get(c.level) ?? 0) + 1);
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('zhi.panel.name'), children: <span data-testid="zhi-district-name">{district.name}</span> },
    {
      key: 'code',
      label: t('zhi.panel.code'),
      children: (
        <span data-testid="zhi-district-code" style={{ fontFamily: 'monospace' }}>
          {district.code}
        </span>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Descriptions column={1} size="small" items={items} />
      <div data-testid="zhi-district-children" data-count={loading ? '' : String(data?.length ?? 0)}>
        <Statistic title={t('zhi.panel.children')} value={data?.length ?? 0} loading={loading} />
      </div>
      <Flex wrap gap={6}>
        {[...byLevel].map(([level, n]) => (
          <Tag key={level} color={LEVEL_COLORS[level]}>
            {t(LEVEL_KEYS[level])} {n}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
