/**
 * The annual assessment of an area (HJ 663 statistics against GB 3095) from its daily values, in the shape of
 * the API, and the note on good-day counts across the 2026-03-01 change of standard.
 */
import type { z } from 'zod';
import type { AirAnnualAssessment } from '@jing/contracts';
import { POLLUTANTS, annualAssessment, type ChinaStandard, type DailyConcentrations, type DailyRecord } from './aqi/index.ts';
import { dateOf } from './hour-grid.ts';

type Assessment = z.infer<typeof AirAnnualAssessment>;

/**
 * The assessment of one area for a year from its daily values (entry i is day `firstDay + i`, all in the year).
 *
 * @example
 * assessArea(2016, dayOf('2016-01-01'), districtDays, 2).days.goodDayShare; // 0.49…
 */
export function assessArea(year: number, firstDay: number, days: readonly DailyConcentrations[], stations: number, standard?: ChinaStandard): Assessment {
  const records: DailyRecord[] = days.map((d, i) => ({ ...d, date: dateOf(firstDay + i) }));
  const a = annualAssessment(year, records, standard ? { standard } : {});
  const pollutants = Object.fromEntries(
    POLLUTANTS.map((p) => {
      const s = a.pollutants[p];
      return [p, { validDays: s.validDays, coverageMet: s.coverageMet, mean: s.mean, meanReported: s.meanReported, percentile: { ...s.percentile } }];
    }),
  ) as Assessment['pollutants'];
  return {
    stations,
    pollutants,
    days: {
      ratedDays: a.days.ratedDays,
      goodDays: a.days.goodDays,
      goodDayShare: a.days.goodDayShare,
      heavyPollutionDays: a.days.heavyPollutionDays,
      daysByLevel: [...a.days.daysByLevel],
      standardsUsed: [...a.days.standardsUsed],
      mixedStandards: a.days.mixedStandards,
    },
  };
}

/**
 * What to tell a reader about good-day counts: null when every day was rated on HJ 633-2012 (comparable with
 * every earlier year); otherwise that counts on HJ 633-2026 — or a mix, as in 2026 itself — do not compare with
 * years rated on the other standard.
 */
export function goodDayNote(standardsUsed: readonly string[], forced: ChinaStandard | undefined): { 'zh-CN': string; en: string } | null {
  if (forced === 'HJ633-2012' || !standardsUsed.includes('HJ633-2026')) return null;
  if (standardsUsed.length > 1)
    return {
      'zh-CN': '本年优良天数按两个标准评价：2026年3月1日前按 HJ 633-2012，之后按 HJ 633-2026，与单一标准年份不可比。需比较时请指定统一标准。',
      en: 'Good days this year were rated on two standards (HJ 633-2012 before 2026-03-01, HJ 633-2026 after): the count does not compare with a year rated on one. Choose one standard to compare.',
    };
  return {
    'zh-CN': '优良天数按 HJ 633-2026 评价，与按 HJ 633-2012 评价的年份不可比（如 PM2.5 日均 70 µg/m³ 在 2012 标准下为良，在 2026 标准下为轻度污染）。',
    en: 'Good days were rated on HJ 633-2026 and do not compare with years rated on HJ 633-2012 (a PM2.5 day at 70 µg/m³ is good under 2012, lightly polluted under 2026).',
  };
}
