import type { MessageKey } from '../../shared/i18n/index.ts';
import type { AirAlert, MeasureCategory, MeasureType } from './api.ts';

export const ALERT_STATUS_KEYS: Record<AirAlert['status'], MessageKey> = {
  dispatched: 'airwork.status.dispatched',
  verifying: 'airwork.status.verifying',
  closed: 'airwork.status.closed',
};
export const ALERT_STATUS_COLORS: Record<AirAlert['status'], string> = { dispatched: 'red', verifying: 'gold', closed: 'green' };
export const ALERT_KIND_KEYS: Record<AirAlert['kind'], MessageKey> = { threshold: 'airwork.kind.threshold', hotspot: 'airwork.kind.hotspot', gap: 'airwork.kind.gap' };
export const MEASURE_TYPE_KEYS: Record<MeasureType, MessageKey> = {
  coal_to_gas: 'airwork.measureType.coal_to_gas',
  dust_suppression: 'airwork.measureType.dust_suppression',
  inspection: 'airwork.measureType.inspection',
  penalty: 'airwork.measureType.penalty',
  construction_halt: 'airwork.measureType.construction_halt',
  traffic_restriction: 'airwork.measureType.traffic_restriction',
  other: 'airwork.measureType.other',
};
export const CATEGORY_KEYS: Record<MeasureCategory, MessageKey> = { technology: 'airwork.category.technology', enforcement: 'airwork.category.enforcement', management: 'airwork.category.management' };

/** ±, one decimal, with the sign: "−3.2". */
export const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}`;
