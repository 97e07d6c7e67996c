import { Typography } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { NearMeCard } from '../components/NearMeCard.tsx';

/** 京通 空气质量: the air near the resident, the nearest stations and the source of the data. */
export function AirNearPage() {
  const t = useT();
  return (
    <div data-testid="tong-air">
      <Typography.Title level={3} style={{ margin: '4px 4px 12px' }}>
        {t('air.near.pageTitle')}
      </Typography.Title>
      <NearMeCard more={4} />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 4px', fontSize: 12 }}>
        {t('air.near.about')} {t('air.attribution')}
      </Typography.Paragraph>
    </div>
  );
}
