import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant, Latitude, Longitude } from './common.ts';

/** The six pollutants a reading may carry: µg/m³, except CO in mg/m³. */
export const SENSING_POLLUTANTS = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3'] as const;
export const SensingPollutant = z.enum(SENSING_POLLUTANTS).describe('pm25 | pm10 | so2 | no2 (µg/m³) | co (mg/m³) | o3 (µg/m³)');
export type SensingPollutant = z.infer<typeof SensingPollutant>;

export const DeviceType = z
  .enum(['station', 'micro', 'dust'])
  .describe('station 国控/市控监测站 | micro 小微站 (micro-sensor) | dust 施工扬尘监测 (construction-site dust monitor)');
export type DeviceType = z.infer<typeof DeviceType>;

/** A network or device code: letters, digits, `_`, `-`, `.`; no `/`, `+` or `#` (they are MQTT topic levels). */
export const SensingCode = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, _ . - only, starting with a letter or digit')
  .describe('Code: letters, digits, `_`, `.`, `-` (it is an MQTT topic level)');

/** Quality-control flags of one value. The value is kept; flags only qualify it. */
export const QcFlag = z
  .enum(['out_of_range', 'negative', 'stuck', 'spike'])
  .describe('out_of_range: above the plausible range of the instrument | negative: below zero within tolerance | stuck: the same value many readings in a row | spike: an implausible jump from the previous reading');
export type QcFlag = z.infer<typeof QcFlag>;

const Ref = z.object({ code: z.string(), name: z.string() });

export const SensingNetwork = z
  .object({
    code: z.string(),
    name: z.string(),
    keyPrefix: z.string().describe('First characters of the API key, to tell keys apart; the key itself is shown only once'),
    devices: z.number().int(),
    createdAt: Instant,
  })
  .meta({ id: 'SensingNetwork' });

export const SensingNetworkWithKey = SensingNetwork.extend({
  apiKey: z.string().describe('The network’s API key: shown only now, store it. Readings are posted with `Authorization: Bearer <apiKey>`'),
}).meta({ id: 'SensingNetworkWithKey' });

export const DeviceStatus = z.object({
  lastSeenAt: Instant.nullable().describe('Time of the newest reading'),
  readings24h: z.number().int().describe('Readings in the last 24 hours'),
  expected24h: z.number().int().describe('Readings expected in 24 hours at the device’s interval'),
  completeness24h: z.number().describe('readings24h / expected24h, at most 1'),
});

export const SensingDevice = z
  .object({
    code: z.string(),
    network: z.string().describe('Code of the owner network'),
    type: DeviceType,
    name: z.string().nullable(),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    district: Ref.nullable().describe('Resolved from the location'),
    street: Ref.nullable().describe('Resolved from the location, where street boundaries are loaded'),
    pollutants: z.array(SensingPollutant),
    intervalSeconds: z.number().int().describe('How often it reports; completeness is judged against it'),
    calibrationNotes: z.string().nullable(),
    createdAt: Instant,
    status: DeviceStatus,
  })
  .meta({ id: 'SensingDevice' });
export type SensingDevice = z.infer<typeof SensingDevice>;

export const ReadingValues = z.partialRecord(SensingPollutant, z.number().nullable()).describe('µg/m³, CO mg/m³; null or absent = not measured');

/** One reading as posted (HTTP body item, NDJSON line, or MQTT payload). */
export const ReadingRecord = z
  .object({
    device: SensingCode.describe('Device code (over MQTT it comes from the topic and may be left out)'),
    time: z.string().describe('ISO 8601 with an offset, e.g. `2026-11-28T14:00:00+08:00`'),
    values: ReadingValues,
  })
  .meta({ id: 'ReadingRecord' });

export const IngestResult = z
  .object({
    accepted: z.number().int().describe('Records stored (or merged into a stored reading)'),
    rejected: z
      .array(
        z.object({
          index: z.number().int().describe('Position in the batch (NDJSON: line number from 0)'),
          reason: z
            .string()
            .describe('malformed | unknown_device | wrong_network | invalid_time | future_time | invalid_value | unknown_pollutant | no_values | duplicate | too_large'),
          detail: z.string().describe('What exactly was wrong'),
        }),
      )
      .describe('Records not stored, each with its reason; the rest of the batch was stored'),
    flagged: z.number().int().describe('Accepted records with at least one quality-control flag'),
  })
  .meta({ id: 'IngestResult' });
export type IngestResult = z.infer<typeof IngestResult>;

export const StoredReading = z.object({
  time: Instant,
  values: ReadingValues,
  flags: z.partialRecord(SensingPollutant, z.array(QcFlag)).describe('Flags per value; absent when clean'),
});

export const HourlyRollup = z.object({
  hour: Instant.describe('Start of the hour (UTC)'),
  readings: z.number().int(),
  flagged: z.number().int().describe('Readings with at least one flag'),
  means: z.partialRecord(SensingPollutant, z.number().nullable()).describe('Mean of the hour (negative values within tolerance count as 0)'),
  counts: z.partialRecord(SensingPollutant, z.number().int()).describe('Values that went into each mean'),
});

const DeviceParams = z.object({ code: SensingCode });
const TimeRange = z.strictObject({
  from: z.iso.datetime({ offset: true }).describe('Start (inclusive), ISO 8601 with offset'),
  to: z.iso.datetime({ offset: true }).describe('End (exclusive), ISO 8601 with offset'),
});

export const NewDevice = z.strictObject({
  code: SensingCode,
  network: SensingCode.describe('Owner network code'),
  type: DeviceType.default('micro'),
  name: z.string().max(100).optional(),
  lng: Longitude.optional(),
  lat: Latitude.optional(),
  pollutants: z.array(SensingPollutant).min(1).optional().describe('Default: all six for stations, pm25 and pm10 otherwise'),
  intervalSeconds: z.number().int().min(1).max(86400).optional().describe('Default: 3600 for stations, 60 otherwise'),
  calibrationNotes: z.string().max(2000).optional(),
});
export type NewDevice = z.infer<typeof NewDevice>;

export const sensingRoutes = {
  ingest: defineRoute({
    id: 'sensing.ingest',
    method: 'POST',
    path: '/api/v1/sensing/readings',
    summary: 'Post readings of a network’s devices (JSON `{ readings: [...] }` or NDJSON, one record per line)',
    description:
      'Authenticate with the network’s API key: `Authorization: Bearer <apiKey>`. A key posts for any device of its own network. ' +
      'Each record is checked on its own: bad records are listed in `rejected` with a reason and the rest is stored. ' +
      'Writes are idempotent on (device, pollutant, time): a value already stored for that key is kept and a record adding nothing new is rejected as `duplicate`. ' +
      'Values are flagged by quality control (out of range, negative, stuck, spike) and kept. The response comes after the readings are committed.',
    tag: 'sensing',
    access: 'public',
    body: z.strictObject({ readings: z.array(z.unknown()).describe('ReadingRecord items') }),
    consumes: ['application/x-ndjson'],
    response: IngestResult,
  }),
  createNetwork: defineRoute({
    id: 'sensing.createNetwork',
    method: 'POST',
    path: '/api/v1/sensing/networks',
    summary: 'Register a monitoring network; its API key is shown once',
    tag: 'sensing',
    access: { permission: 'sensing.manage' },
    body: z.strictObject({ code: SensingCode, name: z.string().min(1).max(100).optional() }),
    response: SensingNetworkWithKey,
    status: 201,
  }),
  listNetworks: defineRoute({
    id: 'sensing.listNetworks',
    method: 'GET',
    path: '/api/v1/sensing/networks',
    summary: 'Monitoring networks (without their keys)',
    tag: 'sensing',
    access: { permission: 'sensing.read' },
    response: z.object({ items: z.array(SensingNetwork) }),
  }),
  rotateKey: defineRoute({
    id: 'sensing.rotateKey',
    method: 'POST',
    path: '/api/v1/sensing/networks/:code/key',
    summary: 'Issue a new API key for a network; the old one stops working at once',
    tag: 'sensing',
    access: { permission: 'sensing.manage' },
    params: z.object({ code: SensingCode }),
    response: SensingNetworkWithKey,
  }),
  createDevice: defineRoute({
    id: 'sensing.createDevice',
    method: 'POST',
    path: '/api/v1/sensing/devices',
    summary: 'Register a device in a network; its location is resolved to district and street',
    tag: 'sensing',
    access: { permission: 'sensing.manage' },
    body: NewDevice,
    response: SensingDevice,
    status: 201,
  }),
  updateDevice: defineRoute({
    id: 'sensing.updateDevice',
    method: 'PATCH',
    path: '/api/v1/sensing/devices/:code',
    summary: 'Change a device’s name, pollutants, interval or calibration notes',
    tag: 'sensing',
    access: { permission: 'sensing.manage' },
    params: DeviceParams,
    body: z.strictObject({
      name: z.string().max(100).nullable().optional(),
      pollutants: z.array(SensingPollutant).min(1).optional(),
      intervalSeconds: z.number().int().min(1).max(86400).optional(),
      calibrationNotes: z.string().max(2000).nullable().optional(),
    }),
    response: SensingDevice,
  }),
  listDevices: defineRoute({
    id: 'sensing.listDevices',
    method: 'GET',
    path: '/api/v1/sensing/devices',
    summary: 'Devices with their last-seen time and completeness',
    tag: 'sensing',
    access: { permission: 'sensing.read' },
    query: z.strictObject({
      network: SensingCode.optional(),
      type: DeviceType.optional(),
      district: z.string().max(12).optional().describe('District code'),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({ items: z.array(SensingDevice), total: z.number().int() }),
  }),
  getDevice: defineRoute({
    id: 'sensing.getDevice',
    method: 'GET',
    path: '/api/v1/sensing/devices/:code',
    summary: 'One device with its last-seen time and completeness',
    tag: 'sensing',
    access: { permission: 'sensing.read' },
    params: DeviceParams,
    response: SensingDevice,
  }),
  readings: defineRoute({
    id: 'sensing.readings',
    method: 'GET',
    path: '/api/v1/sensing/devices/:code/readings',
    summary: 'A device’s raw readings with their quality-control flags (at most 7 days)',
    tag: 'sensing',
    access: { permission: 'sensing.read' },
    params: DeviceParams,
    query: TimeRange,
    response: z.object({ items: z.array(StoredReading) }),
  }),
  hourly: defineRoute({
    id: 'sensing.hourly',
    method: 'GET',
    path: '/api/v1/sensing/devices/:code/hourly',
    summary: 'A device’s hourly rollups (at most 400 days)',
    tag: 'sensing',
    access: { permission: 'sensing.read' },
    params: DeviceParams,
    query: TimeRange,
    response: z.object({ items: z.array(HourlyRollup) }),
  }),
} as const;
