import { Breadcrumb, Card, Descriptions, Tag, type DescriptionsProps } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import type { OrgUnit } from '../api.ts';
import { LEVEL_COLORS, LEVEL_KEYS } from '../levels.ts';

/** A unit's path from the city down (each step clickable), its code and level. */
export function UnitDetails({ unit, error, onSelect }: { unit: OrgUnit | undefined; error: unknown; onSelect(code: string): void }) {
  const t = useT();
  if (error) return <ErrorAlert error={error} />;
  if (!unit) return <Card loading />;
  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('directory.code'), children: <span style={{ fontFamily: 'monospace' }}>{unit.code}</span> },
    { key: 'level', label: t('directory.level'), children: <Tag color={LEVEL_COLORS[unit.level]}>{t(LEVEL_KEYS[unit.level])}</Tag> },
  ];
  return (
    <Card data-testid="unit-details" title={<span data-testid="unit-name">{unit.name}</span>}>
      <Breadcrumb
        data-testid="unit-path"
        style={{ marginBottom: 12 }}
        items={unit.path.map((p) => ({
          key: p.code,
          title:
            p.code === unit.code ? (
              p.name
            ) : (
              <a
                href="#"
                onClick={(e) => {
                  e.preventDefault();
                  onSelect(p.code);
                }}
              >
                {p.name}
              </a>
            ),
        }))}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
    </Card>
  );
}
