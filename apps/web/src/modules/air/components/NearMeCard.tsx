import { useState } from 'react';
import { Button, Card, Flex, Skeleton, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { getNear } from '../api.ts';
import { NO_DATA_COLOUR, inLocale, textOn } from '../categories.ts';

type Where = { lng: number; lat: number; mine: boolean };

/**
 * 空气质量 near me (京通): the nearest station's latest AQI in its category colour, the category, the health
 * effects and what to do, and the next stations. It starts at the city centre and asks for the browser's
 * location only when the resident taps "use my location".
 */
export function NearMeCard({ more = 2 }: { more?: number }) {
  const { t, locale } = useI18n();
  const centre = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).center;
  const [where, setWhere] = useState<Where | null>(null);
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState(false);
  const point = where ?? { lng: centre[0], lat: centre[1], mine: false };
  const near = useAsync((signal) => getNear(point.lng, point.lat, 1 + more, signal), [point.lng, point.lat, more]);

  const locate = () => {
    if (!('geolocation' in navigator)) return setGeoError(true);
    setLocating(true);
    setGeoError(false);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setWhere({ lng: p.coords.longitude, lat: p.coords.latitude, mine: true });
      },
      () => {
        setLocating(false);
        setGeoError(true);
      },
      { timeout: 10_000, maximumAge: 300_000 },
    );
  };

  const [first, ...others] = near.data ?? [];
  const colour = first?.category?.colour ?? NO_DATA_COLOUR;
  return (
    <Card
      className="air-near-card"
      data-testid="air-near"
      data-station={first?.station.code ?? ''}
      data-aqi={first?.aqi ?? ''}
      data-colour={first ? colour : ''}
      data-mine={String(point.mine)}
      title={t('air.near.title')}
      extra={
        <Button size="small" icon={<AimOutlined />} loading={locating} onClick={locate} data-testid="air-near-locate">
          {t('air.near.useLocation')}
        </Button>
      }
    >
      {near.error ? <ErrorAlert error={near.error} onRetry={near.reload} /> : null}
      {!first && near.loading ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {first ? (
        <Flex vertical gap={8}>
          <Flex gap={12} align="center">
            <div
              data-testid="air-near-aqi"
              style={{ background: colour, color: textOn(colour), borderRadius: 12, minWidth: 76, padding: '8px 10px', textAlign: 'center', lineHeight: 1.1 }}
            >
              <div style={{ fontSize: 30, fontWeight: 700 }}>{first.aqi ?? '—'}</div>
              <div style={{ fontSize: 12 }}>AQI</div>
            </div>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="air-near-category">
                {inLocale(first.category?.name, locale) || t('air.near.noAqi')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t(point.mine ? 'air.near.stationMine' : 'air.near.stationCentre', { name: first.station.name, km: first.station.distanceKm.toFixed(1) })}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('air.near.time', { time: (first.time ?? '').slice(0, 16).replace('T', ' ') })}
              </Typography.Text>
            </Flex>
          </Flex>
          {first.healthEffects ? (
            <Typography.Paragraph style={{ margin: 0 }} data-testid="air-near-effects">
              {inLocale(first.healthEffects, locale)}
            </Typography.Paragraph>
          ) : null}
          {first.advice ? (
            <Typography.Paragraph style={{ margin: 0 }} strong data-testid="air-near-advice">
              {t('air.near.advice')}
              {inLocale(first.advice, locale)}
            </Typography.Paragraph>
          ) : null}
          {others.length ? (
            <Flex wrap gap={8}>
              {others.map((o) => (
                <span key={o.station.code} style={{ fontSize: 12, padding: '2px 8px', borderRadius: 10, background: o.category?.colour ?? NO_DATA_COLOUR, color: textOn(o.category?.colour ?? NO_DATA_COLOUR) }}>
                  {o.station.name} {o.aqi ?? '—'}
                </span>
              ))}
            </Flex>
          ) : null}
          {geoError ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="air-near-geo-error">
              {t('air.near.geoError')}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
