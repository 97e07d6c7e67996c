import { inTransaction, nowIso } from '@jing/db';
import type { Caller } from '../../platform/auth/context.ts';
import type { SupervisionService } from '../supervision/index.ts';
import type { CaseService } from './cases.service.ts';
import { toLocalDate } from '../calendar/index.ts';

export interface TrendRule {
  /** This month's count must reach at least this many cases… */
  minCount: number;
  /** …and at least this multiple of the street's average over the trailing months. */
  factor: number;
  /** How many previous months make the baseline. */
  trailingMonths: number;
  /** Days the street gets to act on the task. */
  dueDays: number;
}

export const DEFAULT_TREND_RULE: TrendRule = { minCount: 5, factor: 2, trailingMonths: 3, dueDays: 7 };

/** 'YYYY-MM' shifted by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * 未诉先办 (act before complaints arrive): finds categories rising in a
 * street this month against its trailing average and raises a 督办 task to
 * the street, once per street, category and month.
 */
export class ProactiveGovernance {
  constructor(
    private readonly cases: CaseService,
    private readonly supervision: SupervisionService,
    private readonly rule: TrendRule = DEFAULT_TREND_RULE,
  ) {}

  async detect(caller: Caller): Promise<{ street: string; category: string; count: number; baseline: number; taskId: string }[]> {
    const { deps } = this.cases;
    const now = nowIso(this.cases.clock);
    const month = toLocalDate(now, deps.timeZone).slice(0, 7);
    const previous = Array.from({ length: this.rule.trailingMonths }, (_, i) => shiftMonth(month, -(i + 1)));
    const rows = await deps.repo.categoryCounts([month, ...previous]);
    const done = new Set((await deps.repo.alertsOf(month)).map((a) => `${a.street_code}|${a.category_code}`));
    const past = new Map<string, number>();
    for (const r of rows) if (r.month !== month) past.set(`${r.street_code}|${r.category_code}`, (past.get(`${r.street_code}|${r.category_code}`) ?? 0) + Number(r.n));
    const raised = [];
    for (const r of rows) {
      const key = `${r.street_code}|${r.category_code}`;
      if (r.month !== month || done.has(key)) continue;
      const count = Number(r.n);
      const baseline = (past.get(key) ?? 0) / this.rule.trailingMonths;
      if (count < this.rule.minCount || count < this.rule.factor * baseline) continue;
      const category = deps.catalogue.get(r.category_code);
      const streetName = await deps.unitName(r.street_code);
      const district = (await deps.parentOf(r.street_code)) ?? deps.cityCode;
      const task = await this.supervision.createBySystem(caller, district, {
        title: `未诉先办：${streetName}「${category?.name['zh-CN'] ?? r.category_code}」诉求上升`,
        description: `本月已收到 ${count} 件，前 ${this.rule.trailingMonths} 个月月均 ${baseline.toFixed(1)} 件。请排查共性原因，主动治理，减少同类诉求。`,
        source: 'case',
        sourceRef: `${month}:${r.street_code}:${r.category_code}`,
        dueAt: new Date(this.cases.clock() + this.rule.dueDays * 86400_000).toISOString(),
        units: [r.street_code],
      });
      await inTransaction(deps.db, (trx) => deps.repo.insertAlert(trx, { month, street_code: r.street_code, category_code: r.category_code, task_id: task.id, count, baseline, created_at: now }));
      raised.push({ street: r.street_code, category: r.category_code, count, baseline, taskId: task.id });
    }
    return raised;
  }
}
