import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Latitude, Longitude } from './common.ts';

const Ref = z.object({ code: z.string(), name: z.string() });
const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').describe('Beijing local date, YYYY-MM-DD');

export const ChinaStandardName = z.enum(['HJ633-2012', 'HJ633-2026']).describe('HJ 633-2012 (before 2026-03-01) or HJ 633-2026');

/** One of the six AQI categories of HJ 633 with its official colour. */
export const AqiCategoryView = z
  .object({
    level: z.number().int().min(1).max(6).describe('1 优 … 6 严重污染'),
    key: z.enum(['excellent', 'good', 'lightly-polluted', 'moderately-polluted', 'heavily-polluted', 'severely-polluted']),
    name: Bilingual.describe('优 Excellent, 良 Good, 轻度污染 Lightly polluted, …'),
    colour: z.string().describe('Official colour, e.g. #00E400'),
  })
  .meta({ id: 'AqiCategory' });

const DailyIaqi = z.object({
  pm25: z.number().int().nullable(),
  pm10: z.number().int().nullable(),
  so2: z.number().int().nullable(),
  no2: z.number().int().nullable(),
  co: z.number().int().nullable(),
  o3_1h: z.number().int().nullable(),
  o3_8h: z.number().int().nullable(),
});
const DailyConcentrations = z
  .object({
    pm25: z.number().nullable(),
    pm10: z.number().nullable(),
    so2: z.number().nullable(),
    no2: z.number().nullable(),
    co: z.number().nullable().describe('mg/m³'),
    o3_1h: z.number().nullable().describe('O3 daily maximum 1-hour value'),
    o3_8h: z.number().nullable().describe('O3 daily maximum 8-hour moving mean (MDA8)'),
  })
  .describe('Daily values (µg/m³, CO mg/m³), GB/T 8170-rounded; null where HJ 663 validity was not met');

export const AirStation = z
  .object({
    code: z.string(),
    name: z.string(),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    district: Ref.nullable(),
  })
  .meta({ id: 'AirStation' });

export const AirDay = z
  .object({
    date: LocalDate,
    standard: ChinaStandardName,
    aqi: z.number().int().nullable(),
    category: AqiCategoryView.nullable(),
    primaryPollutants: z.array(z.string()).describe('首要污染物 (AQI > 50): keys of `iaqi` tied at the AQI'),
    iaqi: DailyIaqi,
    concentrations: DailyConcentrations,
    complete: z.boolean().describe('All six pollutants had valid daily values (24-h means and O3 MDA8)'),
  })
  .meta({ id: 'AirDay' });

const HourlyIaqi = z.object({
  pm25: z.number().int().nullable(),
  pm10: z.number().int().nullable(),
  so2: z.number().int().nullable(),
  no2: z.number().int().nullable(),
  co: z.number().int().nullable(),
  o3: z.number().int().nullable(),
});

export const AirHour = z
  .object({
    time: z.string().describe('Start of the hour, ISO 8601 in Beijing time (+08:00)'),
    standard: ChinaStandardName,
    aqi: z.number().int().nullable(),
    category: AqiCategoryView.nullable(),
    primaryPollutants: z.array(z.string()),
    iaqi: HourlyIaqi,
    concentrations: z.object({
      pm25: z.number().nullable(),
      pm10: z.number().nullable(),
      so2: z.number().nullable(),
      no2: z.number().nullable(),
      co: z.number().nullable(),
      o3: z.number().nullable(),
      pm25_24h: z.number().nullable(),
      pm10_24h: z.number().nullable(),
      o3_8h: z.number().nullable(),
    }),
  })
  .meta({ id: 'AirHour' });

const StationParams = z.object({ code: z.string().min(1).max(64) });
const DateRange = z.strictObject({
  from: LocalDate.describe('First day (inclusive)'),
  to: LocalDate.describe('Last day (inclusive)'),
  standard: ChinaStandardName.optional().describe('Default: chosen by each day’s date'),
});

export const airRoutes = {
  stations: defineRoute({
    id: 'air.stations',
    method: 'GET',
    path: '/api/v1/air/stations',
    summary: 'Air-quality monitoring stations (一微克)',
    tag: 'air',
    access: 'public',
    response: z.object({ items: z.array(AirStation) }),
  }),
  daily: defineRoute({
    id: 'air.daily',
    method: 'GET',
    path: '/api/v1/air/stations/:code/daily',
    summary: 'Daily AQI of a station (HJ 633, HJ 663 validity), one item per day of the range (at most 5 years)',
    tag: 'air',
    access: 'public',
    params: StationParams,
    query: DateRange,
    response: z.object({ items: z.array(AirDay) }),
  }),
  hourly: defineRoute({
    id: 'air.hourly',
    method: 'GET',
    path: '/api/v1/air/stations/:code/hourly',
    summary: 'Real-time (hourly) AQI of a station, one item per hour with data (at most 31 days)',
    tag: 'air',
    access: 'public',
    params: StationParams,
    query: z.strictObject({
      from: LocalDate.describe('First day (inclusive)'),
      to: LocalDate.describe('Last day (inclusive)'),
      standard: ChinaStandardName.optional(),
    }),
    response: z.object({ items: z.array(AirHour) }),
  }),
  now: defineRoute({
    id: 'air.now',
    method: 'GET',
    path: '/api/v1/air/now',
    summary: 'Air quality near a point: the nearest station’s latest hourly AQI, its category and health advice',
    tag: 'air',
    access: 'public',
    query: z.strictObject({ lng: Longitude, lat: Latitude }),
    response: z.object({
      station: AirStation.extend({ distanceKm: z.number() }),
      hour: AirHour.nullable().describe('Null when the station has no data yet'),
      healthEffects: Bilingual.nullable().describe('对健康影响情况'),
      advice: Bilingual.nullable().describe('建议采取的措施'),
    }),
  }),
} as const;
