import { useEffect, useRef, useState } from 'react';
import maplibregl, { type GeoJSONSourceSpecification, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Alert } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { createFlatMap } from '../../geo/mapSetup.ts';
import { useCityBoundaries } from '../../geo/index.ts';
import type { AirAlert } from '../api.ts';

const BASE_STYLE: StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef3f9' } }] };
const COLORS: Record<AirAlert['status'], string> = { dispatched: '#cf1322', verifying: '#d48806', closed: '#389e0d' };

/**
 * The alerts on a light map of the districts: one marker per alert with a location, coloured by status
 * (red dispatched, amber verifying, green closed); a click opens the alert. Markers carry
 * `data-testid="alert-marker"` and `data-id` for tests.
 */
export function AlertsMap({ alerts, onOpen, height = 320 }: { alerts: AirAlert[]; onOpen(id: string): void; height?: number }) {
  const t = useT();
  const city = useCityBoundaries();
  const containerRef = useRef<HTMLDivElement>(null);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const [failed, setFailed] = useState(false);
  const [idle, setIdle] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !city.data) return;
    const { config, boundaries } = city.data;
    const located = alerts.filter((a) => a.device.lng !== null && a.device.lat !== null);
    const center: [number, number] = located[0] ? [located[0].device.lng!, located[0].device.lat!] : config.center;
    const map = createFlatMap(container, { styleUrl: config.mapStyleUrl, fallback: BASE_STYLE, center, zoom: located.length ? 12 : 8 });
    if (!map) {
      setFailed(true);
      return;
    }
    const markers: maplibregl.Marker[] = [];
    map.on('load', () => {
      map.addSource('alert-districts', { type: 'geojson', data: boundaries as GeoJSONSourceSpecification['data'] });
      map.addLayer({ id: 'alert-district-line', type: 'line', source: 'alert-districts', paint: { 'line-color': '#5b86c5', 'line-width': 1 } });
      for (const a of located) {
        const el = document.createElement('button');
        el.type = 'button';
        el.dataset.testid = 'alert-marker';
        el.dataset.id = a.id;
        el.dataset.status = a.status;
        el.title = a.device.code;
        el.style.cssText = `width:16px;height:16px;border-radius:50%;border:2px solid #fff;box-shadow:0 0 4px rgba(0,0,0,.4);cursor:pointer;padding:0;background:${COLORS[a.status]}`;
        el.addEventListener('click', (e) => {
          e.stopPropagation();
          onOpenRef.current(a.id);
        });
        markers.push(new maplibregl.Marker({ element: el }).setLngLat([a.device.lng!, a.device.lat!]).addTo(map));
      }
    });
    map.on('movestart', () => setIdle(false));
    map.on('idle', () => setIdle(true));
    const observer = new ResizeObserver(() => map.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      for (const m of markers) m.remove();
      map.remove();
    };
  }, [city.data, alerts]);

  if (failed) return <Alert type="warning" showIcon title={t('zhi.map.noWebgl')} />;
  return (
    <div data-testid="alerts-map" data-idle={String(idle)} role="application" aria-label={t('airwork.alerts.map')} style={{ position: 'relative', width: '100%', height, borderRadius: 8, overflow: 'hidden', background: '#eef3f9' }}>
      <div ref={containerRef} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
