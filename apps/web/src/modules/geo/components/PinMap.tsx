import { useEffect, useRef, useState } from 'react';
import maplibregl, { type GeoJSONSourceSpecification, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './PinMap.css';
import { Alert } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import type { BoundaryCollection } from '../api.ts';
import { geometriesBBox, labelPoint } from '../geometry.ts';
import { createFlatMap } from '../mapSetup.ts';

/** A point on the map, WGS84. */
export interface LngLat {
  lng: number;
  lat: number;
}

/** Props of {@link PinMap}. */
export interface PinMapProps {
  /** District boundaries drawn as the base map (there is no tile server by default). */
  boundaries: BoundaryCollection;
  styleUrl: string | null;
  center: [number, number];
  value: LngLat | null;
  /** Without it the map only shows the pin (read-only). */
  onChange?(point: LngLat): void;
  height?: number | string;
}

const SOURCE = 'pin-districts';
const BASE_STYLE: StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef3f9' } }] };
/** Zoom to which the map closes in on a pin dropped on the overview, so it can be placed precisely. */
const FOCUS_ZOOM = 13;

/**
 * A light MapLibre map of the districts with one pin: tap to drop or move it.
 * The wrapper exposes its state for tests: `data-idle`, `data-pin` (`lng,lat`)
 * and `data-bounds` (`west,south,east,north` of the view), so a test can tap a
 * known coordinate.
 */
export function PinMap({ boundaries, styleUrl, center, value, onChange, height = 300 }: PinMapProps) {
  const t = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const markerRef = useRef<maplibregl.Marker | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const valueRef = useRef(value);
  const [idle, setIdle] = useState(false);
  const [bounds, setBounds] = useState('');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createFlatMap(container, { styleUrl, fallback: BASE_STYLE, center, zoom: 8 });
    if (!map) {
      setFailed(true);
      return;
    }
    mapRef.current = map;
    const labels: maplibregl.Marker[] = [];
    const showBounds = () => setBounds(map.getBounds().toArray().flat().map((n) => n.toFixed(6)).join(','));

    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: boundaries as GeoJSONSourceSpecification['data'] });
      map.addLayer({ id: 'pin-district-fill', type: 'fill', source: SOURCE, paint: { 'fill-color': '#cfe0f5', 'fill-opacity': 0.7 } });
      map.addLayer({ id: 'pin-district-line', type: 'line', source: SOURCE, paint: { 'line-color': '#5b86c5', 'line-width': 1 } });
      for (const f of boundaries.features) {
        const el = document.createElement('div');
        el.className = 'jing-pin-label';
        el.textContent = f.properties.name;
        labels.push(new maplibregl.Marker({ element: el }).setLngLat(labelPoint(f.geometry)).addTo(map));
      }
      const start = valueRef.current;
      if (start) map.jumpTo({ center: [start.lng, start.lat], zoom: FOCUS_ZOOM });
      else {
        const box = geometriesBBox(boundaries.features.map((f) => f.geometry));
        if (box) map.fitBounds(box, { padding: 8, animate: false });
      }
      showBounds();
    });
    map.on('movestart', () => setIdle(false));
    map.on('moveend', showBounds);
    map.on('idle', () => setIdle(true));
    map.on('click', (e) => {
      if (!onChangeRef.current) return;
      const point = { lng: round6(e.lngLat.lng), lat: round6(e.lngLat.lat) };
      onChangeRef.current(point);
      // A tap on the overview is rough: close in so the next tap can be precise.
      if (map.getZoom() < FOCUS_ZOOM - 1) map.easeTo({ center: [point.lng, point.lat], zoom: FOCUS_ZOOM, duration: 400 });
    });
    const observer = new ResizeObserver(() => map.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      for (const m of labels) m.remove();
      markerRef.current?.remove();
      markerRef.current = null;
      map.remove();
      mapRef.current = null;
      setIdle(false);
    };
    // `center` and the starting value only place the first view.
  }, [boundaries, styleUrl]);

  // The pin follows the value, whoever set it (a tap, "use my location", a reset).
  useEffect(() => {
    const previous = valueRef.current;
    valueRef.current = value;
    const map = mapRef.current;
    if (!map) return;
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    markerRef.current ??= new maplibregl.Marker({ color: '#d4380d' }).setLngLat([value.lng, value.lat]).addTo(map);
    markerRef.current.setLngLat([value.lng, value.lat]);
    const moved = !previous || previous.lng !== value.lng || previous.lat !== value.lat;
    const inView = map.getBounds().contains([value.lng, value.lat]);
    if (moved && !inView) map.easeTo({ center: [value.lng, value.lat], zoom: Math.max(map.getZoom(), FOCUS_ZOOM), duration: 400 });
  }, [value]);

  if (failed) return <Alert type="warning" showIcon title={t('zhi.map.noWebgl')} data-testid="pin-map-failed" />;
  return (
    <div
      data-testid="pin-map"
      data-idle={String(idle)}
      data-bounds={bounds}
      data-pin={value ? `${value.lng},${value.lat}` : ''}
      role="application"
      aria-label={t('cases.map.title')}
      style={{ position: 'relative', width: '100%', height, borderRadius: 8, overflow: 'hidden', background: '#eef3f9' }}
    >
      <div ref={containerRef} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
