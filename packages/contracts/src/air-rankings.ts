import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Latitude, Longitude } from './common.ts';
import { AirStation, AqiCategoryView, ChinaStandardName } from './air.ts';

const Ref = z.object({ code: z.string(), name: z.string() });
const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });
const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM').describe('Month, YYYY-MM (Beijing time)');

/** A station's latest hour: what the map colours it by. */
export const AirStationNow = z
  .object({
    station: AirStation,
    time: z.string().nullable().describe('Start of the latest hour with data, ISO 8601 in Beijing time (+08:00); null without data'),
    aqi: z.number().int().nullable().describe('Real-time (hourly) AQI of that hour'),
    category: AqiCategoryView.nullable(),
    primaryPollutants: z.array(z.string()),
    pm25: z.number().nullable().describe('PM2.5 of that hour, µg/m³'),
  })
  .meta({ id: 'AirStationNow' });

export const AirNearItem = AirStationNow.extend({
  station: AirStation.extend({ distanceKm: z.number() }),
  healthEffects: Bilingual.nullable().describe('对健康影响情况 of the category'),
  advice: Bilingual.nullable().describe('建议采取的措施 of the category'),
}).meta({ id: 'AirNearItem' });

const StationMonth = z.object({
  code: z.string(),
  name: z.string(),
  pm25: z.number().nullable().describe('Monthly mean of the station’s valid daily PM2.5, µg/m³, 0.1'),
  validDays: z.number().int(),
});

/** One district's line of the monthly ranking. */
export const DistrictRankingItem = z
  .object({
    district: Ref,
    stations: z.array(StationMonth).describe('Its stations (drill-down), by code'),
    pm25: z.number().nullable().describe('Monthly mean of the district’s valid daily PM2.5 (each day the mean of its stations), µg/m³ to 0.1'),
    validDays: z.number().int().describe('Days with a valid district daily PM2.5'),
    coverageMet: z.boolean().describe('At least 27 valid days (February 25): only then is the district ranked'),
    rank: z.number().int().nullable().describe('Rank by concentration, 1 = cleanest; ties share a rank (1, 1, 3)'),
    lastYear: z.number().nullable().describe('The same month a year earlier, µg/m³ to 0.1 (null when not covered)'),
    yoyChange: z.number().nullable().describe('(this − last year) / last year, as a percentage to 0.1 (−12.5 = 12.5 % lower)'),
    yoyRank: z.number().int().nullable().describe('Rank by year-on-year change, 1 = largest fall; ties share a rank'),
  })
  .meta({ id: 'AirDistrictRankingItem' });

/** One street's line of the micro-sensor ranking. */
export const StreetRankingItem = z
  .object({
    street: Ref,
    district: Ref.nullable(),
    devices: z.number().int().describe('Micro-sensors in the street with data that month'),
    pm25: z.number().nullable().describe('Monthly mean of the street’s valid daily PM2.5 (each day the mean of its sensors), µg/m³ to 0.1'),
    validDays: z.number().int(),
    rank: z.number().int().nullable().describe('1 = cleanest; null when the street has too few valid days'),
  })
  .meta({ id: 'AirStreetRankingItem' });

const PollutantStatistics = z.object({
  validDays: z.number().int(),
  coverageMet: z.boolean().describe('≥ 324 valid days and ≥ 27 in every month (February 25)'),
  mean: z.number().nullable().describe('Annual mean of valid daily values (O3: of MDA8)'),
  meanReported: z.string().nullable().describe('The mean GB/T 8170-rounded (PM2.5 and CO to 0.1, others whole)'),
  percentile: z.object({
    p: z.number().describe('98 SO2/NO2, 95 PM/CO, 90 O3 MDA8 (GB 3095 / HJ 663)'),
    value: z.number().nullable(),
    reported: z.string().nullable(),
  }),
});

/** The HJ 663 annual assessment of one area. */
export const AirAnnualAssessment = z
  .object({
    stations: z.number().int().describe('Stations averaged for the area’s daily values'),
    pollutants: z.object({ pm25: PollutantStatistics, pm10: PollutantStatistics, so2: PollutantStatistics, no2: PollutantStatistics, co: PollutantStatistics, o3: PollutantStatistics }),
    days: z.object({
      ratedDays: z.number().int().describe('Days with all six daily values valid'),
      goodDays: z.number().int().describe('优良天数: rated days with AQI ≤ 100'),
      goodDayShare: z.number().nullable().describe('goodDays / ratedDays'),
      heavyPollutionDays: z.number().int().describe('重污染天数: AQI > 200'),
      daysByLevel: z.array(z.number().int()).length(6).describe('Rated days per category, 优 first'),
      standardsUsed: z.array(ChinaStandardName),
      mixedStandards: z.boolean().describe('Days rated on both HJ 633-2012 and 2026: the good-day count compares with no single-standard year'),
    }),
  })
  .meta({ id: 'AirAnnualAssessment' });

const Month = z.strictObject({ month: YearMonth.optional().describe('Default: the latest month with data') });

export const airRankingRoutes = {
  latest: defineRoute({
    id: 'air.latest',
    method: 'GET',
    path: '/api/v1/air/latest',
    summary: 'Every station with its latest hourly AQI and category (the map)',
    tag: 'air',
    access: 'public',
    response: z.object({ items: z.array(AirStationNow) }),
  }),
  near: defineRoute({
    id: 'air.near',
    method: 'GET',
    path: '/api/v1/air/near',
    summary: 'Air near a point: the nearest stations with data, their latest AQI, category colour and health advice',
    tag: 'air',
    access: 'public',
    query: z.strictObject({
      lng: Longitude,
      lat: Latitude,
      limit: z.coerce.number().int().min(1).max(5).default(3).describe('Stations to answer, nearest first (1–5, default 3)'),
    }),
    response: z.object({ items: z.array(AirNearItem) }),
  }),
  months: defineRoute({
    id: 'air.months',
    method: 'GET',
    path: '/api/v1/air/months',
    summary: 'Months with station data, oldest first (for month and year pickers)',
    tag: 'air',
    access: 'public',
    response: z.object({ items: z.array(z.string()).describe('YYYY-MM') }),
  }),
  districtRankings: defineRoute({
    id: 'air.rankings.districts',
    method: 'GET',
    path: '/api/v1/air/rankings/districts',
    summary: 'Districts ranked for a month by PM2.5 concentration and by year-on-year change (ties share a rank)',
    description: 'Formulas: docs/air-quality-rules.md §11.',
    tag: 'air',
    access: 'public',
    query: Month,
    response: z.object({
      month: YearMonth,
      lastYearMonth: YearMonth,
      items: z.array(DistrictRankingItem).describe('By concentration rank; unranked districts last'),
    }),
  }),
  streetRankings: defineRoute({
    id: 'air.rankings.streets',
    method: 'GET',
    path: '/api/v1/air/rankings/streets',
    summary: 'Streets (街道) ranked for a month by PM2.5 from the micro-sensor network, where it covers them',
    tag: 'air',
    access: 'public',
    query: z.strictObject({
      month: YearMonth.optional().describe('Default: the latest month with micro-sensor data'),
      district: z.string().regex(/^\d{6}$/, 'a 6-digit district code').optional().describe('Only streets of this district'),
    }),
    response: z.object({
      month: YearMonth.nullable().describe('Null when no micro-sensor has data'),
      minValidDays: z.number().int().describe('Valid days a street needs to be ranked'),
      items: z.array(StreetRankingItem),
    }),
  }),
  trend: defineRoute({
    id: 'air.trend',
    method: 'GET',
    path: '/api/v1/air/trend',
    summary: 'Monthly PM2.5 of each district and the city over a span of months (at most 24)',
    tag: 'air',
    access: 'public',
    query: z.strictObject({ from: YearMonth, to: YearMonth }),
    response: z.object({
      months: z.array(YearMonth),
      series: z.array(z.object({ area: Ref.describe('A district, or the city'), pm25: z.array(z.number().nullable()).describe('One per month') })),
    }),
  }),
  assessment: defineRoute({
    id: 'air.assessment',
    method: 'GET',
    path: '/api/v1/air/assessment',
    summary: 'Annual assessment (HJ 663 / GB 3095) of the city and each district for a calendar year',
    tag: 'air',
    access: 'public',
    query: z.strictObject({
      year: z.coerce.number().int().min(2000).max(2100),
      standard: ChinaStandardName.optional().describe('Rate every day on one standard (to compare good days across 2026-03-01)'),
    }),
    response: z.object({
      year: z.number().int(),
      note: Bilingual.nullable().describe('Said when the good-day counts mix HJ 633-2012 and 2026 (not comparable with single-standard years)'),
      city: AirAnnualAssessment.extend({ area: Ref }),
      districts: z.array(AirAnnualAssessment.extend({ area: Ref })),
    }),
  }),
} as const;
