import { Suspense, useState } from 'react';
import { App, Button, Flex } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useT } from '../../../shared/i18n/index.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { PinMap, useCityBoundaries, type LngLat } from '../../geo/index.ts';

/**
 * A form control for where something happened: a pin on the district map
 * (tap to drop it) or the device's position ("use my location", the browser
 * geolocation API). Value: `{ lng, lat }` in WGS84.
 */
export function LocationField({ value, onChange }: { value?: LngLat; onChange?(value: LngLat): void }) {
  const t = useT();
  const { message } = App.useApp();
  const city = useCityBoundaries();
  const [finding, setFinding] = useState(false);

  function useMyLocation() {
    if (!('geolocation' in navigator)) {
      void message.warning(t('cases.report.geoFailed'));
      return;
    }
    setFinding(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setFinding(false);
        onChange?.({ lng: Math.round(pos.coords.longitude * 1e6) / 1e6, lat: Math.round(pos.coords.latitude * 1e6) / 1e6 });
      },
      () => {
        setFinding(false);
        void message.warning(t('cases.report.geoFailed'));
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  return (
    <Flex vertical gap={8}>
      {city.error ? (
        <ErrorAlert error={city.error} onRetry={city.reload} />
      ) : city.data ? (
        <Suspense fallback={<PageLoading />}>
          <PinMap boundaries={city.data.boundaries} styleUrl={city.data.config.mapStyleUrl} center={city.data.config.center} value={value ?? null} onChange={onChange} height={280} />
        </Suspense>
      ) : (
        <PageLoading />
      )}
      <div>
        <Button icon={<AimOutlined />} loading={finding} onClick={useMyLocation} data-testid="report-my-location">
          {t('cases.report.useMyLocation')}
        </Button>
      </div>
    </Flex>
  );
}
