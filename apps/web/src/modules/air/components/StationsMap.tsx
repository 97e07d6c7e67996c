import { useEffect, useRef, useState } from 'react';
import maplibregl, { type GeoJSONSourceSpecification, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Alert } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { geometriesBBox, type BoundaryCollection } from '../../geo/index.ts';
import type { StationNow } from '../api.ts';
import { NO_DATA_COLOUR, inLocale, textOn } from '../categories.ts';

const MAP_BACKGROUND = '#0b1526';
const BASE_STYLE: StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } }] };

export interface StationsMapProps {
  stations: StationNow[];
  districts: BoundaryCollection;
  styleUrl: string | null;
  center: [number, number];
  /** The district to outline (its stations drill-down). */
  highlight: string | null;
  onPickStation(code: string): void;
}

/**
 * Beijing's stations on a MapLibre map, each a dot in the official colour of its latest AQI category, with the
 * AQI written on it, over the district outlines. `data-station-count` and `data-idle` are for tests.
 */
export function StationsMap({ stations, districts, styleUrl, center, highlight, onPickStation }: StationsMapProps) {
  const { t, locale } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const pickRef = useRef(onPickStation);
  pickRef.current = onPickStation;
  const [idle, setIdle] = useState(false);
  const [failed, setFailed] = useState(false);
  const located = stations.filter((s) => s.station.lng !== null && s.station.lat !== null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({ container, style: styleUrl ?? BASE_STYLE, center, zoom: 8, attributionControl: false, dragRotate: false, pitchWithRotate: false });
    } catch {
      setFailed(true);
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    mapRef.current = map;
    const markers: maplibregl.Marker[] = [];
    map.on('load', () => {
      map.addSource('districts', { type: 'geojson', data: districts as GeoJSONSourceSpecification['data'], promoteId: 'code' });
      map.addLayer({ id: 'district-fill', type: 'fill', source: 'districts', paint: { 'fill-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#2f5f9f', '#16263f'], 'fill-opacity': 0.7 } });
      map.addLayer({ id: 'district-line', type: 'line', source: 'districts', paint: { 'line-color': '#4d6b94', 'line-width': 1 } });
      const box = geometriesBBox(districts.features.map((f) => f.geometry));
      if (box) map.fitBounds(box, { padding: 16, animate: false });
      for (const s of located) {
        const colour = s.category?.colour ?? NO_DATA_COLOUR;
        const el = document.createElement('button');
        el.type = 'button';
        el.className = 'jing-aqi-dot';
        el.style.cssText = `background:${colour};color:${textOn(colour)};border:2px solid #0b1526;border-radius:50%;width:34px;height:34px;font:600 12px/30px sans-serif;text-align:center;cursor:pointer;padding:0;box-shadow:0 0 0 1px ${colour}`;
        el.textContent = s.aqi === null ? '–' : String(s.aqi);
        el.title = `${s.station.name} · AQI ${s.aqi ?? '–'} ${inLocale(s.category?.name, locale)}`;
        el.dataset.testid = `air-station-${s.station.code}`;
        el.dataset.colour = colour;
        el.addEventListener('click', () => pickRef.current(s.station.code));
        markers.push(new maplibregl.Marker({ element: el }).setLngLat([s.station.lng!, s.station.lat!]).addTo(map));
      }
    });
    map.on('idle', () => setIdle(true));
    const observer = new ResizeObserver(() => map.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      for (const m of markers) m.remove();
      map.remove();
      mapRef.current = null;
      setIdle(false);
    };
    // `center` only places the first view; the stations and labels rebuild with the data or the language.
  }, [stations, districts, styleUrl, locale]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      for (const f of districts.features) map.setFeatureState({ source: 'districts', id: f.properties.code }, { selected: f.properties.code === highlight });
    };
    if (map.getSource('districts')) apply();
    else map.once('load', apply);
  }, [highlight, districts, stations, locale]);

  if (failed) return <Alert type="warning" showIcon title={t('zhi.map.noWebgl')} data-testid="air-map-failed" />;
  return (
    <div
      data-testid="air-map"
      data-station-count={located.length}
      data-idle={String(idle)}
      role="application"
      aria-label={t('air.map.title')}
      style={{ position: 'relative', width: '100%', height: '100%', minHeight: 320, background: MAP_BACKGROUND, borderRadius: 8, overflow: 'hidden' }}
    >
      <div ref={containerRef} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
