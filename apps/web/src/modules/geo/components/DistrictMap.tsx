import { useEffect, useRef, useState } from 'react';
import maplibregl, { type ExpressionSpecification, type GeoJSONSourceSpecification, type MapLayerMouseEvent, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './DistrictMap.css';
import { Alert } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import type { BoundaryCollection } from '../api.ts';
import { geometriesBBox, labelPoint } from '../geometry.ts';
import { createFlatMap } from '../mapSetup.ts';

const SOURCE = 'districts';
const FILL = 'district-fill';
const LINE = 'district-line';
/** Also what the e2e test counts as "not drawn"; change both together. */
const MAP_BACKGROUND = '#0b1526';

/** Without a tile server: a plain background; the districts are the map. */
const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } }],
};

const SELECTED: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const HOVER: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/** Props of {@link DistrictMap}. */
export interface DistrictMapProps {
  data: BoundaryCollection;
  /** A MapLibre style to draw underneath, when the deployment has a tile server. */
  styleUrl: string | null;
  center: [number, number];
  selected: string | null;
  onSelect(code: string): void;
}

/**
 * The districts as a MapLibre map: filled polygons, outlines and name labels,
 * click to select. The wrapper exposes its state for tests and screenshots:
 * `data-source-loaded`, `data-feature-count`, `data-idle`.
 */
export function DistrictMap({ data, styleUrl, center, selected, onSelect }: DistrictMapProps) {
  const t = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const labelsRef = useRef(new Map<string, HTMLElement>());
  // Handlers live in refs so a new callback or selection does not rebuild the map.
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const selectedRef = useRef(selected);
  const [sourceLoaded, setSourceLoaded] = useState(false);
  const [idle, setIdle] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createFlatMap(container, { styleUrl, fallback: BASE_STYLE, center, zoom: 7.5 });
    if (!map) {
      setFailed(true);
      return;
    }
    mapRef.current = map;
    const markers: maplibregl.Marker[] = [];
    let hovered: string | null = null;

    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: data as GeoJSONSourceSpecification['data'], promoteId: 'code' });
      map.addLayer({
        id: FILL,
        type: 'fill',
        source: SOURCE,
        paint: {
          'fill-color': ['case', SELECTED, '#f0a73a', HOVER, '#4a8ae0', '#2c5d9f'],
          'fill-opacity': ['case', SELECTED, 0.85, 0.6],
        },
      });
      map.addLayer({ id: LINE, type: 'line', source: SOURCE, paint: { 'line-color': '#a9cbff', 'line-width': 1.2 } });
      const box = geometriesBBox(data.features.map((f) => f.geometry));
      if (box) map.fitBounds(box, { padding: 16, animate: false });
      for (const f of data.features) {
        const el = document.createElement('div');
        el.className = 'jing-map-label';
        el.textContent = f.properties.name;
        el.dataset.testid = `district-label-${f.properties.code}`;
        labelsRef.current.set(f.properties.code, el);
        markers.push(new maplibregl.Marker({ element: el }).setLngLat(labelPoint(f.geometry)).addTo(map));
      }
      paintSelection(map, labelsRef.current, null, selectedRef.current);
    });
    map.on('sourcedata', (e) => {
      if (e.sourceId === SOURCE && e.isSourceLoaded) setSourceLoaded(true);
    });
    map.on('idle', () => setIdle(true));
    map.on('click', FILL, (e: MapLayerMouseEvent) => {
      const code = e.features?.[0]?.properties?.code;
      if (typeof code === 'string') onSelectRef.current(code);
    });
    map.on('mousemove', FILL, (e: MapLayerMouseEvent) => {
      const code = e.features?.[0]?.properties?.code;
      if (typeof code !== 'string' || code === hovered) return;
      if (hovered) map.setFeatureState({ source: SOURCE, id: hovered }, { hover: false });
      hovered = code;
      map.setFeatureState({ source: SOURCE, id: code }, { hover: true });
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', FILL, () => {
      if (hovered) map.setFeatureState({ source: SOURCE, id: hovered }, { hover: false });
      hovered = null;
      map.getCanvas().style.cursor = '';
    });
    // The card around the map changes size with the layout, not only with the window.
    const observer = new ResizeObserver(() => map.resize());
    observer.observe(container);

    return () => {
      observer.disconnect();
      for (const m of markers) m.remove();
      labelsRef.current.clear();
      map.remove();
      mapRef.current = null;
      setSourceLoaded(false);
      setIdle(false);
    };
    // `center` only places the first view; fitBounds frames the data after that.
  }, [data, styleUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (map?.getSource(SOURCE)) paintSelection(map, labelsRef.current, selectedRef.current, selected);
    selectedRef.current = selected;
  }, [selected]);

  if (failed) return <Alert type="warning" showIcon title={t('zhi.map.noWebgl')} data-testid="zhi-map-failed" />;
  return (
    <div
      data-testid="zhi-map"
      data-source-loaded={String(sourceLoaded)}
      data-feature-count={sourceLoaded ? data.features.length : 0}
      data-idle={String(idle)}
      role="application"
      aria-label={t('zhi.map.title')}
      style={{ position: 'relative', width: '100%', height: '100%', minHeight: 320, background: MAP_BACKGROUND, borderRadius: 8, overflow: 'hidden' }}
    >
      <div ref={containerRef} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}

/** Moves the "selected" highlight (polygon and label) from one district to another. */
function paintSelection(map: maplibregl.Map, labels: Map<string, HTMLElement>, from: string | null, to: string | null) {
  if (from) map.setFeatureState({ source: SOURCE, id: from }, { selected: false });
  if (to) map.setFeatureState({ source: SOURCE, id: to }, { selected: true });
  for (const [code, el] of labels) el.dataset.selected = String(code === to);
}
