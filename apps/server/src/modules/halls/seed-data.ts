import { randomUUID } from 'node:crypto';
import { inTransaction, nowIso } from '@jing/db';
import type { Caller } from '../../platform/auth/context.ts';
import type { HallRow, WindowRow } from './halls.repository.ts';
import type { HallService } from './halls.service.ts';

/** A demo hall with its windows (item windows list catalogue codes; general windows serve every item of the hall). */
export interface DemoHall {
  hall: Omit<HallRow, 'unit_path' | 'items_json' | 'active' | 'version' | 'created_at'> & { items: string[] };
  windows: { number: number; name: string; kind: 'general' | 'item'; items: string[] }[];
}

const WORKDAY_HOURS = { open_days: 'working_days' as const, opens: '09:00', closes: '17:00', hours_note: '周一至周五（法定节假日除外，调休上班日照常）' };
const RESIDENCE = 'BJ-GA-XK-0101';
const SOLE_TRADER = 'BJ-SJ-DJ-0201';
const FOOD = 'BJ-SJ-XK-0301';

/**
 * The demo halls: the municipal centre, 朝阳区's district centre and the 建外街道
 * street centre. Addresses and hours are demo values (apps/server/data/SOURCES.md).
 */
export const DEMO_HALLS: DemoHall[] = [
  {
    hall: {
      id: 'bj-municipal', name: '北京市政务服务中心', name_en: 'Beijing Municipal Government Service Centre', level: 'municipal', unit_code: '110000A01',
      address: '北京市丰台区西三环南路1号', lng: 116.3095, lat: 39.8578, phone: '12345', ...WORKDAY_HOURS, slot_minutes: 30, slot_capacity: 20, booking_days: 14,
      items: [SOLE_TRADER, FOOD],
    },
    windows: [
      { number: 1, name: '综合受理窗口', kind: 'general', items: [] },
      { number: 2, name: '综合受理窗口', kind: 'general', items: [] },
      { number: 3, name: '市场准入专窗', kind: 'item', items: [SOLE_TRADER, FOOD] },
    ],
  },
  {
    hall: {
      id: 'cy-district', name: '朝阳区政务服务中心', name_en: 'Chaoyang District Government Service Centre', level: 'district', unit_code: '110105A01',
      address: '北京市朝阳区东四环中路76号', lng: 116.4905, lat: 39.9013, phone: '12345', ...WORKDAY_HOURS, slot_minutes: 30, slot_capacity: 6, booking_days: 14,
      items: [RESIDENCE, SOLE_TRADER, FOOD],
    },
    windows: [
      { number: 1, name: '综合受理窗口', kind: 'general', items: [] },
      { number: 2, name: '综合受理窗口', kind: 'general', items: [] },
      { number: 3, name: '企业开办专窗', kind: 'item', items: [SOLE_TRADER, FOOD] },
      { number: 4, name: '户政（居住证）专窗', kind: 'item', items: [RESIDENCE] },
    ],
  },
  {
    hall: {
      id: 'cy-jianwai', name: '建外街道政务服务中心', name_en: 'Jianwai Sub-district Service Centre', level: 'street', unit_code: '110105001',
      address: '北京市朝阳区建国门外大街永安里', lng: 116.4446, lat: 39.9087, phone: '12345', ...WORKDAY_HOURS, opens: '09:00', closes: '16:30', slot_minutes: 30, slot_capacity: 3, booking_days: 7,
      items: [RESIDENCE, SOLE_TRADER],
    },
    windows: [
      { number: 1, name: '综合窗口', kind: 'general', items: [] },
      { number: 2, name: '综合窗口', kind: 'general', items: [] },
    ],
  },
];

/** Loads the demo halls that do not exist yet (items not in the published catalogue are left out). Returns how many were added. */
export async function seedHalls(halls: HallService, caller: Caller, defs: DemoHall[] = DEMO_HALLS): Promise<number> {
  const { deps } = halls;
  let added = 0;
  for (const d of defs) {
    if (await deps.repo.hall(d.hall.id)) continue;
    const path = await deps.org.unitPath(d.hall.unit_code);
    if (!path) continue;
    const items: string[] = [];
    for (const code of d.hall.items) if (await deps.itemName(code)) items.push(code);
    const { items: _listed, ...fields } = d.hall;
    const row: HallRow = { ...fields, unit_path: path, items_json: JSON.stringify(items), active: 1, version: 0, created_at: nowIso(halls.clock) };
    await inTransaction(deps.db, async (trx) => {
      await deps.repo.insertHall(trx, row);
      for (const w of d.windows) {
        const win: WindowRow = { id: randomUUID(), hall_id: row.id, number: w.number, name: w.name, kind: w.kind, items_json: JSON.stringify(w.items.filter((c) => items.includes(c))), active: 1, current_visit_id: null, version: 0 };
        await deps.repo.insertWindow(trx, win);
      }
      await deps.audit.record(trx, caller, { action: 'halls.create', targetType: 'hall', targetId: row.id, unitCode: row.unit_code, after: { name: row.name, windows: d.windows.length, seeded: true } });
    });
    added++;
  }
  return added;
}
