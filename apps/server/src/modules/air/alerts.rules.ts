/**
 * Alert rules of 一微克 (docs/air-alerts-and-reductions.md): pure functions from hourly values to a
 * verdict per hour — bad (breaks the rule), ok (complies), or unknown (no valid value, or no basis to
 * judge) — and from verdicts to the runs that raise, keep open, or clear an alert.
 */

export type RuleKind = 'threshold' | 'hotspot' | 'gap';
export type Dispatch = 'street' | 'agency';

export interface CommonParams {
  /** Consecutive bad hours that raise an alert (for `gap`: hours without valid data). */
  hours: number;
  /** Valid ok hours after the last bad one before the data agree that the problem is gone. */
  clearHours: number;
  /** Days the responsible unit has for the 督办 task. */
  dueDays: number;
  /** Who gets the task: the device's street (falling back to the agency), or the district's 生态环境局. */
  dispatchTo: Dispatch;
}
export interface ThresholdParams extends CommonParams {
  /** Hourly mean at or above which an hour is bad (µg/m³; CO mg/m³). */
  threshold: number;
}
export interface HotspotParams extends CommonParams {
  /** Bad when the value ≥ factor × the neighbours' median… */
  factor: number;
  /** …and ≥ the median + margin (µg/m³): both, so a clean neighbourhood's small ratios do not alert. */
  margin: number;
  /** Neighbours: devices within this distance (km). */
  radiusKm: number;
  /** Fewer neighbours with a valid hour than this: unknown. */
  minNeighbours: number;
}
export type RuleParams = ThresholdParams | HotspotParams | CommonParams;

export interface RuleDef {
  id: string;
  kind: RuleKind;
  deviceTypes: string[];
  pollutant: string;
  enabled: boolean;
  params: RuleParams;
}

/**
 * The rules a new installation starts with. The values are Jing's demo defaults, not official limits:
 * a city sets its own through `PUT /api/v1/air/alert-rules/{id}`.
 */
export const DEFAULT_RULES: RuleDef[] = [
  {
    id: 'micro-hotspot-pm25',
    kind: 'hotspot',
    deviceTypes: ['micro'],
    pollutant: 'pm25',
    enabled: true,
    params: { factor: 1.5, margin: 25, radiusKm: 3, minNeighbours: 3, hours: 3, clearHours: 3, dueDays: 3, dispatchTo: 'street' } satisfies HotspotParams,
  },
  {
    id: 'dust-pm10-threshold',
    kind: 'threshold',
    deviceTypes: ['dust'],
    pollutant: 'pm10',
    enabled: true,
    params: { threshold: 300, hours: 2, clearHours: 3, dueDays: 2, dispatchTo: 'street' } satisfies ThresholdParams,
  },
  {
    id: 'station-pm25-threshold',
    kind: 'threshold',
    deviceTypes: ['station'],
    pollutant: 'pm25',
    // Off by default: a regional episode is for the heavy-pollution emergency plan, not a street's task.
    enabled: false,
    params: { threshold: 250, hours: 3, clearHours: 3, dueDays: 3, dispatchTo: 'agency' } satisfies ThresholdParams,
  },
  {
    id: 'sensor-data-gap',
    kind: 'gap',
    deviceTypes: ['micro', 'dust'],
    pollutant: 'pm25',
    enabled: true,
    params: { hours: 6, clearHours: 3, dueDays: 2, dispatchTo: 'agency' } satisfies CommonParams,
  },
];

/** 1 bad, 0 ok, −1 unknown — one per hour of a window. */
export type Verdicts = Int8Array;
export const BAD = 1;
export const OK = 0;
export const UNKNOWN = -1;

/** Values of one device by hour offset in the window (NaN = no valid hourly mean). */
export type Series = Float64Array;

export function thresholdVerdicts(values: Series, threshold: number): Verdicts {
  const out = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isNaN(values[i]!) ? UNKNOWN : values[i]! >= threshold ? BAD : OK;
  return out;
}

/** Gap: an hour without a valid value is bad; only hours after the device first reported are judged. */
export function gapVerdicts(values: Series, firstJudgedIndex: number): Verdicts {
  const out = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = i < firstJudgedIndex ? UNKNOWN : Number.isNaN(values[i]!) ? BAD : OK;
  return out;
}

/**
 * Hotspot: bad when the device's value is at least `factor` times and at least `margin` above the median
 * of its neighbours' valid values that hour. Also returns the medians (for the alert's evidence).
 */
export function hotspotVerdicts(values: Series, neighbours: Series[], p: HotspotParams): { verdicts: Verdicts; medians: Float64Array } {
  const out = new Int8Array(values.length);
  const medians = new Float64Array(values.length).fill(Number.NaN);
  const buf: number[] = [];
  for (let i = 0; i < values.length; i++) {
    buf.length = 0;
    for (const n of neighbours) if (!Number.isNaN(n[i]!)) buf.push(n[i]!);
    const v = values[i]!;
    if (Number.isNaN(v) || buf.length < p.minNeighbours) {
      out[i] = UNKNOWN;
      continue;
    }
    buf.sort((a, b) => a - b);
    const m = buf.length >> 1;
    const med = buf.length % 2 ? buf[m]! : (buf[m - 1]! + buf[m]!) / 2;
    medians[i] = med;
    out[i] = v >= med * p.factor && v >= med + p.margin ? BAD : OK;
  }
  return { verdicts: out, medians };
}

/**
 * The first run of at least `n` consecutive bad hours starting at or after index `from` (an unknown hour
 * breaks a run); null when there is none.
 */
export function firstRun(v: Verdicts, n: number, from = 0): { start: number; end: number } | null {
  let start = -1;
  for (let i = Math.max(0, from); i <= v.length; i++) {
    if (i < v.length && v[i] === BAD) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= n) return { start, end: i - 1 };
    start = -1;
  }
  return null;
}

/** The state of an alert recomputed from its first hour: last bad hour, count of bad hours, ok hours since. */
export function alertState(v: Verdicts, from: number): { lastBad: number; badHours: number; cleanSince: number; lastJudged: number } {
  let lastBad = -1;
  let badHours = 0;
  let clean = 0;
  let lastJudged = -1;
  for (let i = Math.max(0, from); i < v.length; i++) {
    if (v[i] === UNKNOWN) continue;
    lastJudged = i;
    if (v[i] === BAD) {
      lastBad = i;
      badHours++;
      clean = 0;
    } else clean++;
  }
  return { lastBad, badHours, cleanSince: clean, lastJudged };
}

/** Great-circle distance in km. */
export function distanceKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Neighbours within `radiusKm` of each point, through a grid of cells about `radiusKm` wide so that a
 * city of thousands of sensors is not compared pairwise.
 */
export function neighboursWithin<T extends { lng: number; lat: number }>(points: T[], radiusKm: number): Map<T, T[]> {
  const cellLat = radiusKm / 111;
  const cellLng = radiusKm / (111 * Math.cos((40 * Math.PI) / 180));
  const key = (x: number, y: number) => `${x}:${y}`;
  const grid = new Map<string, T[]>();
  for (const p of points) {
    const k = key(Math.floor(p.lng / cellLng), Math.floor(p.lat / cellLat));
    (grid.get(k) ?? grid.set(k, []).get(k)!).push(p);
  }
  const out = new Map<T, T[]>();
  for (const p of points) {
    const cx = Math.floor(p.lng / cellLng);
    const cy = Math.floor(p.lat / cellLat);
    const near: T[] = [];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
      for (const q of grid.get(key(cx + dx, cy + dy)) ?? []) if (q !== p && distanceKm(p.lng, p.lat, q.lng, q.lat) <= radiusKm) near.push(q);
    }
    out.set(p, near);
  }
  return out;
}
