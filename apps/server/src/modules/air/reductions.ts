/**
 * What measures achieved, in µg/m³ (一微克 §6; formulas in docs/air-alerts-and-reductions.md, choices in
 * ADR 0013). Pure functions over hourly observations — no database here:
 *
 * - {@link deweather}: meteorological normalisation. Least squares of the concentration on weather
 *   (temperature, dew point, pressure, rain, wind speed by wind sector) and time (hour of day, weekday,
 *   a step at the period's start; a linear trend and annual harmonics when the window spans ≥ 300 days).
 *   The weather-normalised level holds weather, hour and weekday at their window averages; the change is
 *   the normalised level after minus before, with a 95 % interval from a day-block bootstrap.
 * - {@link differenceInDifferences}: daily means of the treated station minus the mean of control
 *   stations, after minus before, with a Newey–West standard error.
 */
import { addGram, addRow, emptyGram, predict, quantileSorted, seededRandom, solve, stepWithHacSe, t975, type Gram } from './stats/linear.ts';

const BEIJING_HOURS = 8;

/** One hour at a station: the pollutant's hourly mean and the weather of that hour (null = missing). */
export interface HourObservation {
  /** Hours since the epoch (UTC) of the start of the hour. */
  hour: number;
  y: number | null;
  temp: number | null;
  pres: number | null;
  dewp: number | null;
  rain: number | null;
  wspm: number | null;
  /** Wind direction, one of the 16 compass points (N, NNE, …) or null. */
  wd: string | null;
}

/** Beijing local day number (days since 1970-01-01) of an hour. */
export const localDay = (hour: number) => Math.floor((hour + BEIJING_HOURS) / 24);
export const dayDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

const COMPASS = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'];
/** 16 compass points → 8 sectors (N, NE, …, NW); calm or unknown → −1. */
export function sectorOf(wd: string | null): number {
  const i = wd ? COMPASS.indexOf(wd.toUpperCase()) : -1;
  return i < 0 ? -1 : Math.floor(((i + 1) % 16) / 2);
}

interface Design {
  p: number;
  /** Column indexes of the time terms (varying in the normalised series); every other column is held at its mean. */
  timeColumns: number[];
  row(o: HourObservation, post: boolean): Float64Array | null;
  /** Index of the post-step column. */
  post: number;
}

/** The design matrix: see the module comment. Weather columns are centred on the window's means. */
function design(obs: HourObservation[], firstDay: number, long: boolean): Design {
  const mean = (f: (o: HourObservation) => number | null) => {
    let s = 0;
    let n = 0;
    for (const o of obs) {
      const v = f(o);
      if (v !== null && Number.isFinite(v)) (s += v), n++;
    }
    return n ? s / n : 0;
  };
  const mt = mean((o) => o.temp);
  const md = mean((o) => o.dewp);
  const mp = mean((o) => o.pres);
  // Columns: 0 intercept, 1 post, 2..24 hour 1–23, 25..30 weekday 1–6, 31 temp, 32 temp², 33 dewp, 34 pres,
  // 35 log1p(rain), 36 raining, 37 log1p(wind speed), 38..44 sector 1–7, 45..51 sector 1–7 × log1p(ws),
  // then (long windows) trend, sin/cos of the year, sin/cos of the half-year.
  const base = 52;
  const p = long ? base + 5 : base;
  const timeColumns = [1, ...(long ? [base, base + 1, base + 2, base + 3, base + 4] : [])];
  return {
    p,
    post: 1,
    timeColumns,
    row(o, post) {
      if (o.y === null || o.temp === null || o.dewp === null || o.pres === null || o.rain === null || o.wspm === null) return null;
      const x = new Float64Array(p);
      const local = o.hour + BEIJING_HOURS;
      const hod = ((local % 24) + 24) % 24;
      const day = Math.floor(local / 24);
      const wday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday: 0 = Sunday
      x[0] = 1;
      x[1] = post ? 1 : 0;
      if (hod > 0) x[1 + hod] = 1;
      if (wday > 0) x[24 + wday] = 1;
      const t = o.temp - mt;
      x[31] = t;
      x[32] = t * t;
      x[33] = o.dewp - md;
      x[34] = o.pres - mp;
      x[35] = Math.log1p(Math.max(0, o.rain));
      x[36] = o.rain > 0 ? 1 : 0;
      const ws = Math.log1p(Math.max(0, o.wspm));
      x[37] = ws;
      const s = sectorOf(o.wd);
      if (s > 0) {
        x[37 + s] = 1;
        x[44 + s] = ws;
      }
      if (long) {
        const years = (day - firstDay) / 365.25;
        const phase = 2 * Math.PI * ((day / 365.25) % 1);
        x[base] = years;
        x[base + 1] = Math.sin(phase);
        x[base + 2] = Math.cos(phase);
        x[base + 3] = Math.sin(2 * phase);
        x[base + 4] = Math.cos(2 * phase);
      }
      return x;
    },
  };
}

export interface DeweatherOptions {
  /** First and last local day (day numbers) of the baseline ("before") period. */
  before: [number, number];
  /** First and last local day of the period under study ("after": the measure in force). */
  after: [number, number];
  bootstrap?: number;
  seed?: number;
  /** Least usable days on each side. */
  minDays?: number;
}

export interface DeweatherDay {
  date: string;
  period: 'before' | 'after';
  /** Mean of the usable hours (µg/m³). */
  observed: number;
  /** The observed mean with the weather's effect replaced by the typical weather's. */
  adjusted: number;
  /** The model's weather-normalised level and its 95 % bootstrap band. */
  normalised: number;
  low: number;
  high: number;
}

export interface DeweatherResult {
  before: { observed: number; normalised: number; days: number; hours: number };
  after: { observed: number; normalised: number; days: number; hours: number };
  /** Observed mean after − before. */
  rawChange: number;
  /** Weather-normalised mean after − before: the change not explained by weather. */
  change: number;
  ci95: [number, number];
  /** rawChange − change: what the weather did. */
  weatherEffect: number;
  r2: number;
  bootstrap: number;
  trend: boolean;
  series: DeweatherDay[];
}

export class NotEnoughData extends Error {}

/**
 * Meteorological normalisation and the weather-normalised change between two periods.
 *
 * @example
 * const r = deweather(hours, { before: [d0, d1], after: [d2, d3] });
 * r.change; // µg/m³, negative = cleaner after
 */
export function deweather(obs: HourObservation[], o: DeweatherOptions): DeweatherResult {
  const [b0, b1] = o.before;
  const [a0, a1] = o.after;
  const minDays = o.minDays ?? 7;
  const B = o.bootstrap ?? 400;
  const inWindow = obs.filter((h) => {
    const d = localDay(h.hour);
    return (d >= b0 && d <= b1) || (d >= a0 && d <= a1);
  });
  const long = Math.max(a1, b1) - Math.min(a0, b0) + 1 >= 300;
  const des = design(inWindow, Math.min(a0, b0), long);
  // Rows grouped by local day: the bootstrap resamples whole days, keeping each day's autocorrelation.
  const days = new Map<number, { gram: Gram; rows: { x: Float64Array; y: number }[]; post: boolean }>();
  const total = emptyGram(des.p);
  for (const h of inWindow) {
    const d = localDay(h.hour);
    const post = d >= a0 && d <= a1;
    const x = des.row(h, post);
    if (!x) continue;
    let day = days.get(d);
    if (!day) days.set(d, (day = { gram: emptyGram(des.p), rows: [], post }));
    addRow(day.gram, x, h.y!);
    day.rows.push({ x, y: h.y! });
  }
  // A day counts when it has at least 12 usable hours (half a day), so that its mean means something.
  for (const [d, day] of days) if (day.rows.length < 12) days.delete(d);
  const beforeDays = [...days.keys()].filter((d) => !days.get(d)!.post).sort((x, y) => x - y);
  const afterDays = [...days.keys()].filter((d) => days.get(d)!.post).sort((x, y) => x - y);
  if (beforeDays.length < minDays || afterDays.length < minDays) {
    throw new NotEnoughData(`needs at least ${minDays} days with 12 hours of pollutant and weather data in each period (before: ${beforeDays.length}, after: ${afterDays.length})`);
  }
  for (const d of [...beforeDays, ...afterDays]) addGram(total, days.get(d)!.gram);
  const fit = solve(total, false);

  // The typical row: every column at its mean over usable rows, except time terms.
  const typical = new Float64Array(des.p);
  let nRows = 0;
  for (const d of [...beforeDays, ...afterDays]) for (const r of days.get(d)!.rows) {
    for (let i = 0; i < des.p; i++) typical[i]! += r.x[i]!;
    nRows++;
  }
  for (let i = 0; i < des.p; i++) typical[i]! /= nRows;
  const isTime = new Set(des.timeColumns);
  /** A day's normalised row: time terms at that day's own means, the rest typical. */
  const normalRow = (d: number) => {
    const x = Float64Array.from(typical);
    const rows = days.get(d)!.rows;
    for (const c of isTime) x[c] = rows.reduce((s, r) => s + r.x[c]!, 0) / rows.length;
    return x;
  };
  const normalRows = new Map([...beforeDays, ...afterDays].map((d) => [d, normalRow(d)]));
  const meanRow = (list: number[]) => {
    const x = new Float64Array(des.p);
    for (const d of list) for (let i = 0; i < des.p; i++) x[i]! += normalRows.get(d)![i]! / list.length;
    return x;
  };
  const mb = meanRow(beforeDays);
  const ma = meanRow(afterDays);
  const delta = ma.map((v, i) => v - mb[i]!);
  const change = predict(fit.beta, delta);

  // Day-block bootstrap, stratified by period.
  const rand = seededRandom(o.seed ?? 20170101);
  const changes: number[] = [];
  const levels = new Map<number, number[]>([...normalRows.keys()].map((d) => [d, []]));
  for (let b = 0; b < B; b++) {
    const g = emptyGram(des.p);
    // Draw each period's days with replacement; a day drawn k times enters with weight k.
    for (const list of [beforeDays, afterDays]) {
      const counts = new Uint16Array(list.length);
      for (let i = 0; i < list.length; i++) counts[Math.floor(rand() * list.length)]!++;
      counts.forEach((k, i) => k && addGram(g, days.get(list[i]!)!.gram, k));
    }
    const beta = solve(g, false).beta;
    changes.push(predict(beta, delta));
    for (const [d, x] of normalRows) levels.get(d)!.push(predict(beta, x));
  }
  changes.sort((x, y) => x - y);

  // Weather columns: everything that is neither time nor hour/weekday nor intercept.
  const weatherCols: number[] = [];
  for (let i = 31; i < 52; i++) weatherCols.push(i);
  const meanY = total.xty[0]! / total.n;
  const r2 = 1 - fit.rss / Math.max(1e-12, total.yty - total.n * meanY * meanY);
  const series: DeweatherDay[] = [...beforeDays, ...afterDays].map((d) => {
    const day = days.get(d)!;
    let obsSum = 0;
    let adjSum = 0;
    for (const r of day.rows) {
      obsSum += r.y;
      let w = 0;
      for (const c of weatherCols) w += fit.beta[c]! * (r.x[c]! - typical[c]!);
      adjSum += r.y - w;
    }
    const lv = levels.get(d)!.sort((x, y) => x - y);
    return {
      date: dayDate(d),
      period: day.post ? 'after' : 'before',
      observed: obsSum / day.rows.length,
      adjusted: adjSum / day.rows.length,
      normalised: predict(fit.beta, normalRows.get(d)!),
      low: quantileSorted(lv, 0.025),
      high: quantileSorted(lv, 0.975),
    };
  });
  const side = (list: number[], m: Float64Array) => {
    const rows = list.flatMap((d) => days.get(d)!.rows);
    return { observed: rows.reduce((s, r) => s + r.y, 0) / rows.length, normalised: predict(fit.beta, m), days: list.length, hours: rows.length };
  };
  const before = side(beforeDays, mb);
  const after = side(afterDays, ma);
  const rawChange = after.observed - before.observed;
  return {
    before,
    after,
    rawChange,
    change,
    ci95: [quantileSorted(changes, 0.025), quantileSorted(changes, 0.975)],
    weatherEffect: rawChange - change,
    r2,
    bootstrap: B,
    trend: long,
    series,
  };
}

export interface DidOptions {
  before: [number, number];
  after: [number, number];
  minDays?: number;
}

export interface DidDay {
  date: string;
  period: 'before' | 'after';
  treated: number;
  control: number;
}

export interface DidResult {
  /** (treated − control) after − (treated − control) before, µg/m³. */
  estimate: number;
  se: number;
  ci95: [number, number];
  before: { treated: number; control: number; days: number };
  after: { treated: number; control: number; days: number };
  controls: string[];
  /** Slope of treated − control over the baseline, µg/m³ per 30 days, with its standard error: near 0 supports parallel trends. */
  preTrend: { perMonth: number; se: number } | null;
  series: DidDay[];
}

/**
 * Difference in differences on daily means: `gap_d = treated_d − mean(controls_d)` over days where the
 * treated station and every control have a valid daily mean; estimate = mean gap after − mean gap before.
 * Equivalent to the two-way fixed-effects regression y_sd = α_s + λ_d + β·Treat_s·Post_d with one treated
 * unit; the standard error is Newey–West on the gap series (days are autocorrelated).
 */
export function differenceInDifferences(treated: Map<number, number>, controls: Map<string, Map<number, number>>, o: DidOptions): DidResult {
  const [b0, b1] = o.before;
  const [a0, a1] = o.after;
  const minDays = o.minDays ?? 7;
  const codes = [...controls.keys()];
  if (codes.length === 0) throw new NotEnoughData('needs at least one control station with data');
  const series: DidDay[] = [];
  const gaps: number[] = [];
  const post: boolean[] = [];
  const inRange = (d: number) => (d >= b0 && d <= b1 ? 'before' : d >= a0 && d <= a1 ? 'after' : null);
  for (const d of [...treated.keys()].sort((x, y) => x - y)) {
    const period = inRange(d);
    if (!period) continue;
    const cs = codes.map((c) => controls.get(c)!.get(d));
    if (cs.some((v) => v === undefined)) continue;
    const control = (cs as number[]).reduce((s, v) => s + v, 0) / cs.length;
    const t = treated.get(d)!;
    series.push({ date: dayDate(d), period, treated: t, control });
    gaps.push(t - control);
    post.push(period === 'after');
  }
  const nb = post.filter((p) => !p).length;
  const na = post.length - nb;
  if (nb < minDays || na < minDays) throw new NotEnoughData(`needs at least ${minDays} days where the station and every control have a valid daily mean in each period (before: ${nb}, after: ${na})`);
  const step = stepWithHacSe(gaps, post);
  const t = t975(step.n - 2);
  const side = (period: 'before' | 'after') => {
    const s = series.filter((x) => x.period === period);
    return { treated: s.reduce((a, x) => a + x.treated, 0) / s.length, control: s.reduce((a, x) => a + x.control, 0) / s.length, days: s.length };
  };
  return {
    estimate: step.estimate,
    se: step.se,
    ci95: [step.estimate - t * step.se, step.estimate + t * step.se],
    before: side('before'),
    after: side('after'),
    controls: codes,
    preTrend: preTrend(series.filter((s) => s.period === 'before')),
    series,
  };
}

/** OLS slope of the gap on the day over the baseline, per 30 days, with its (plain) standard error. */
function preTrend(days: DidDay[]): { perMonth: number; se: number } | null {
  if (days.length < 3) return null;
  const xs = days.map((d) => Date.parse(d.date) / 86_400_000);
  const ys = days.map((d) => d.treated - d.control);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) (sxx += (xs[i]! - mx) ** 2), (sxy += (xs[i]! - mx) * (ys[i]! - my));
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < xs.length; i++) rss += (ys[i]! - my - slope * (xs[i]! - mx)) ** 2;
  const se = Math.sqrt(rss / (xs.length - 2) / sxx);
  return { perMonth: slope * 30, se: se * 30 };
}

/** Daily means (HJ 663: at least 20 valid hours) by local day from hourly values. */
export function dailyMeans(hours: { hour: number; y: number | null }[], minHours = 20): Map<number, number> {
  const acc = new Map<number, [number, number]>();
  for (const h of hours) {
    if (h.y === null || !Number.isFinite(h.y)) continue;
    const d = localDay(h.hour);
    const a = acc.get(d) ?? [0, 0];
    a[0] += h.y;
    a[1]++;
    acc.set(d, a);
  }
  const out = new Map<number, number>();
  for (const [d, [s, n]] of acc) if (n >= minHours) out.set(d, s / n);
  return out;
}
