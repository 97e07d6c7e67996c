import maplibregl, { type StyleSpecification } from 'maplibre-gl';

/**
 * A flat (no rotation, no tilt) MapLibre map with zoom buttons, as every
 * Jing map is. The style is the deployment's tile style when one is
 * configured, else `fallback` (a plain background: the boundaries are the map).
 *
 * @returns the map, or null where there is no WebGL (old device, disabled GPU):
 *   the caller then says so instead of showing a blank box.
 */
export function createFlatMap(container: HTMLElement, opts: { styleUrl: string | null; fallback: StyleSpecification; center: [number, number]; zoom: number }): maplibregl.Map | null {
  let map: maplibregl.Map;
  try {
    map = new maplibregl.Map({
      container,
      style: opts.styleUrl ?? opts.fallback,
      center: opts.center,
      zoom: opts.zoom,
      attributionControl: opts.styleUrl ? { compact: true } : false,
      dragRotate: false,
      pitchWithRotate: false,
    });
  } catch {
    return null;
  }
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  return map;
}
