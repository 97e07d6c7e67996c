import type { Satisfaction } from '@jing/contracts';
import type { CaseRepository, RollupRow } from './cases.repository.ts';

/** How the three rates and the score are computed (docs/cases-rates.md); a city sets its own. */
export interface RateFormula {
  /** Weights of the response, resolution and satisfaction rates in the score (they are normalised). */
  weights: { response: number; resolution: number; satisfaction: number };
  /** How much each satisfaction level counts towards the satisfaction rate. */
  satisfactionCredit: Record<Satisfaction, number>;
}

export const DEFAULT_FORMULA: RateFormula = {
  weights: { response: 30, resolution: 35, satisfaction: 35 },
  satisfactionCredit: { very_satisfied: 1, satisfied: 1, basically_satisfied: 0.6, dissatisfied: 0, very_dissatisfied: 0 },
};

type Totals = Omit<RollupRow, 'month' | 'unit_code' | 'unit_path'>;

function add(a: Totals, b: Totals): Totals {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Totals)[]) out[k] += Number(b[k]);
  return out;
}

const ZERO: Totals = { cases: 0, responded: 0, rated: 0, resolved: 0, sat_very_satisfied: 0, sat_satisfied: 0, sat_basically_satisfied: 0, sat_dissatisfied: 0, sat_very_dissatisfied: 0 };

/** The three rates and the weighted score (0–100) of one unit's totals. */
export function ratesOf(t: Totals, f: RateFormula) {
  const responseRate = t.cases > 0 ? t.responded / t.cases : null;
  const resolutionRate = t.rated > 0 ? t.resolved / t.rated : null;
  const c = f.satisfactionCredit;
  const credit = t.sat_very_satisfied * c.very_satisfied + t.sat_satisfied * c.satisfied + t.sat_basically_satisfied * c.basically_satisfied + t.sat_dissatisfied * c.dissatisfied + t.sat_very_dissatisfied * c.very_dissatisfied;
  const satisfactionRate = t.rated > 0 ? credit / t.rated : null;
  const w = f.weights;
  const sum = w.response + w.resolution + w.satisfaction;
  const score =
    responseRate === null && resolutionRate === null
      ? null
      : (100 * (w.response * (responseRate ?? 0) + w.resolution * (resolutionRate ?? 0) + w.satisfaction * (satisfactionRate ?? 0))) / sum;
  const r4 = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);
  return { responseRate: r4(responseRate), resolutionRate: r4(resolutionRate), satisfactionRate: r4(satisfactionRate), score: score === null ? null : Math.round(score * 100) / 100 };
}

/** Standard competition ranking: equal scores share a rank (1, 1, 3). */
export function rank<T extends { score: number | null }>(items: T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  let last: number | null | undefined;
  let lastRank = 0;
  return sorted.map((it, i) => {
    const r = it.score === last ? lastRank : i + 1;
    last = it.score;
    lastRank = r;
    return { ...it, rank: r };
  });
}

/**
 * 三率 league tables from the monthly rollups: districts sum every unit in
 * their subtree; streets and agencies are their own rows.
 */
export class CaseRates {
  constructor(
    private readonly repo: CaseRepository,
    private readonly formula: RateFormula,
    private readonly units: { listLevel(level: 'district' | 'street' | 'agency', withinPath: string): Promise<{ code: string; name: string; path: string }[]>; unitPath(code: string): Promise<string | null> },
    private readonly cityCode: string,
  ) {}

  async table(month: string, level: 'district' | 'street' | 'agency', within?: string) {
    const withinPath = (await this.units.unitPath(within ?? this.cityCode)) ?? `/${this.cityCode}/`;
    const [rollups, units] = await Promise.all([this.repo.rollups(month), this.units.listLevel(level, withinPath)]);
    // Streets and agencies are their own rows (one lookup each); a district sums its subtree.
    const byUnit = level === 'district' ? null : new Map(rollups.map((r) => [r.unit_code, r]));
    const rows = units.map((u) => {
      let totals = ZERO;
      if (byUnit) {
        const r = byUnit.get(u.code);
        if (r) totals = add(totals, r);
      } else for (const r of rollups) if (r.unit_path.startsWith(u.path)) totals = add(totals, r);
      return { unit: { code: u.code, name: u.name }, cases: totals.cases, ...ratesOf(totals, this.formula) };
    });
    // Units with no cases that month are listed last, unranked by score.
    return { month, weights: this.formula.weights, items: rank(rows) };
  }
}
