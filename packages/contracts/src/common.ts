import { z } from 'zod';

/** Levels of the org tree. `province` and `prefecture` appear only outside the municipalities (whole-country import). */
export const OrgLevel = z
  .enum(['municipality', 'province', 'prefecture', 'district', 'street', 'community', 'agency'])
  .describe('municipality 直辖市 | province 省 | prefecture 地级市 | district 区县 | street 街道/乡镇 | community 社区/村 | agency 委办局');
export type OrgLevel = z.infer<typeof OrgLevel>;

/** An org unit code: GB/T 2260 or statistical division code, or an agency code such as `110000A05`. */
export const UnitCode = z
  .string()
  .regex(/^[0-9]{6}([0-9]{3}([0-9]{3})?)?(A[0-9]{2})?$/, 'must be a division code (6, 9 or 12 digits) optionally followed by an agency suffix A00–A99')
  .describe('Org unit code, e.g. 110105 (朝阳区) or 110105A05');

/** UTC instant in ISO 8601, e.g. `2026-11-28T06:50:13.123Z`. */
export const Instant = z.string().describe('UTC instant, ISO 8601');

export const Ok = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

export const Longitude = z.coerce.number().min(-180).max(180).describe('WGS84 longitude');
export const Latitude = z.coerce.number().min(-90).max(90).describe('WGS84 latitude');
