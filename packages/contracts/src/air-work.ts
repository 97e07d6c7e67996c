/**
 * 一微克 work: alerts that become 督办 tasks, the register of measures, what they achieved (deweathered
 * change and difference in differences, each with a 95 % interval) and the monthly district brief.
 */
import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant, UnitCode } from './common.ts';

const Ref = z.object({ code: z.string(), name: z.string() });
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').describe('Beijing local date, YYYY-MM-DD');
const Pollutant = z.enum(['pm25', 'pm10', 'so2', 'no2', 'co', 'o3']);

export const AlertRuleKind = z.enum(['threshold', 'hotspot', 'gap']).describe('threshold 超标 | hotspot 热点 (above its neighbours) | gap 数据缺失');
export const AlertStatus = z
  .enum(['dispatched', 'verifying', 'closed'])
  .describe('dispatched 已派发 (task with the unit) → verifying 核验中 (unit reported; waiting for the data) → closed 已闭环 (the data agree)');
export const MeasureCategory = z.enum(['technology', 'enforcement', 'management']).describe('technology 科技 | enforcement 执法 | management 管理');
export const MeasureType = z
  .enum(['coal_to_gas', 'dust_suppression', 'inspection', 'penalty', 'construction_halt', 'traffic_restriction', 'other'])
  .describe('coal_to_gas 煤改气 | dust_suppression 降尘抑尘 | inspection 执法检查 | penalty 处罚 | construction_halt 停工 | traffic_restriction 交通管控 | other 其他');

const RuleParams = z
  .object({
    hours: z.number().int().min(1).max(72).describe('Consecutive bad hours that raise an alert (gap: hours without data)'),
    clearHours: z.number().int().min(1).max(168).describe('Valid compliant hours after the last bad one before the alert may close'),
    dueDays: z.number().int().min(1).max(60).describe('Days the unit has for the 督办 task'),
    dispatchTo: z.enum(['street', 'agency']).describe('The device’s street (else the agency), or the district’s 生态环境局'),
    threshold: z.number().positive().max(10000).optional().describe('threshold: hourly mean at or above which an hour is bad'),
    factor: z.number().min(1).max(20).optional().describe('hotspot: at least this multiple of the neighbours’ median…'),
    margin: z.number().min(0).max(1000).optional().describe('hotspot: …and at least this many µg/m³ above it'),
    radiusKm: z.number().positive().max(50).optional().describe('hotspot: neighbours within this distance'),
    minNeighbours: z.number().int().min(1).max(50).optional().describe('hotspot: fewer neighbours with data → no verdict'),
  })
  .describe('Rule parameters (fields by kind)');

export const AlertRule = z
  .object({
    id: z.string(),
    kind: AlertRuleKind,
    deviceTypes: z.array(z.string()),
    pollutant: z.string(),
    enabled: z.boolean(),
    params: RuleParams,
    version: z.number().int(),
    updatedAt: Instant,
  })
  .meta({ id: 'AirAlertRule' });

export const AlertReport = z.object({
  found: z.string().describe('What the unit found on site'),
  action: z.string().describe('What it did'),
  measureType: MeasureType,
  photos: z.array(z.object({ id: z.string(), url: z.string() })),
  measureId: z.string().nullable().describe('The measure registered from this report'),
  by: z.string().nullable(),
  at: Instant,
});

export const AirAlert = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    kind: AlertRuleKind,
    pollutant: z.string(),
    device: z.object({ code: z.string(), type: z.string(), lng: z.number().nullable(), lat: z.number().nullable() }),
    district: Ref.nullable(),
    unit: Ref.describe('Responsible unit the task went to'),
    status: AlertStatus,
    firstHour: Instant.describe('Start of the first bad hour'),
    lastBadHour: Instant,
    badHours: z.number().int(),
    peak: z.number().nullable().describe('Highest hourly mean in a bad hour (µg/m³)'),
    peakBaseline: z.number().nullable().describe('Hotspot: the neighbours’ median in that hour'),
    cleanHours: z.number().int().describe('Valid compliant hours since the last bad one'),
    clearHours: z.number().int().describe('How many the rule needs to close'),
    taskId: z.string().nullable(),
    assignmentId: z.string().nullable(),
    report: AlertReport.nullable(),
    returns: z.number().int().describe('Times the task went back to the unit because the data still broke the rule'),
    raisedAt: Instant,
    closedAt: Instant.nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'AirAlert' });

const AlertHour = z.object({ time: Instant, value: z.number().nullable(), baseline: z.number().nullable(), verdict: z.enum(['bad', 'ok', 'unknown']) });
const AssignmentSummary = z.object({ id: z.string(), status: z.string(), dueAt: Instant, version: z.number().int(), unit: Ref });

export const AirAlertDetail = AirAlert.extend({
  hours: z.array(AlertHour).describe('The evidence: hourly values from 6 h before the first bad hour to now (at most 14 days)'),
  task: z.object({ id: z.string(), title: z.string(), dueAt: Instant, assignment: AssignmentSummary.nullable() }).nullable(),
}).meta({ id: 'AirAlertDetail' });

export const Measure = z
  .object({
    id: z.string(),
    category: MeasureCategory,
    type: MeasureType,
    title: z.string(),
    description: z.string(),
    place: z.object({
      kind: z.enum(['unit', 'station', 'point']).describe('unit 区域 | station 站点 | point 点位'),
      unit: Ref.nullable(),
      station: z.string().nullable(),
      lng: z.number().nullable(),
      lat: z.number().nullable(),
    }),
    district: Ref.nullable(),
    startDate: LocalDate,
    endDate: LocalDate.nullable().describe('Null while in force'),
    responsibleUnit: Ref,
    alertId: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: 'AirMeasure' });

const MeasureInput = {
  category: MeasureCategory,
  type: MeasureType,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).optional().describe('Default: empty'),
  place: z.strictObject({
    kind: z.enum(['unit', 'station', 'point']),
    unitCode: UnitCode.optional().describe('kind unit: the district or street'),
    station: z.string().min(1).max(64).optional().describe('kind station: the station code'),
    lng: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
  }),
  startDate: LocalDate,
  endDate: LocalDate.nullable().optional(),
  responsibleUnitCode: UnitCode,
};

const MeasureBody = z.strictObject(MeasureInput);

const Interval = z.tuple([z.number(), z.number()]).describe('95 % interval');
export const ReductionEstimate = z
  .object({
    station: Ref,
    pollutant: Pollutant,
    before: z.object({ from: LocalDate, to: LocalDate }),
    after: z.object({ from: LocalDate, to: LocalDate }),
    deweathered: z
      .object({
        before: z.object({ observed: z.number(), normalised: z.number(), days: z.number().int(), hours: z.number().int() }),
        after: z.object({ observed: z.number(), normalised: z.number(), days: z.number().int(), hours: z.number().int() }),
        rawChange: z.number().describe('Observed mean after − before (µg/m³)'),
        change: z.number().describe('Weather-normalised mean after − before: negative = a reduction'),
        ci95: Interval,
        weatherEffect: z.number().describe('rawChange − change: what the weather did'),
        r2: z.number(),
        bootstrap: z.number().int(),
        trend: z.boolean().describe('Linear trend and annual harmonics in the model (windows of 300 days or more)'),
        series: z.array(z.object({ date: LocalDate, period: z.enum(['before', 'after']), observed: z.number(), adjusted: z.number(), normalised: z.number(), low: z.number(), high: z.number() })),
      })
      .nullable(),
    deweatheredError: z.string().nullable().describe('Why there is no deweathered estimate (e.g. no weather data)'),
    did: z
      .object({
        estimate: z.number().describe('(station − controls) after − before: negative = a reduction'),
        se: z.number(),
        ci95: Interval,
        before: z.object({ treated: z.number(), control: z.number(), days: z.number().int() }),
        after: z.object({ treated: z.number(), control: z.number(), days: z.number().int() }),
        controls: z.array(z.string()),
        preTrend: z.object({ perMonth: z.number(), se: z.number() }).nullable().describe('Slope of the gap before: near zero supports parallel trends'),
        series: z.array(z.object({ date: LocalDate, period: z.enum(['before', 'after']), treated: z.number(), control: z.number() })),
      })
      .nullable(),
    didError: z.string().nullable(),
  })
  .meta({ id: 'AirReductionEstimate' });

const IdParams = z.object({ id: z.string().min(1).max(64) });
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM').describe('Month, YYYY-MM');

export const airWorkRoutes = {
  rules: defineRoute({
    id: 'air.alertRules',
    method: 'GET',
    path: '/api/v1/air/alert-rules',
    summary: 'Alert rules (thresholds, hotspots, data gaps) and their parameters',
    tag: 'air',
    access: { permission: 'air.manage' },
    response: z.object({ items: z.array(AlertRule) }),
  }),
  updateRule: defineRoute({
    id: 'air.updateAlertRule',
    method: 'PUT',
    path: '/api/v1/air/alert-rules/:id',
    summary: 'Change a rule’s parameters or switch it on or off (city-wide: air.manage at the city)',
    tag: 'air',
    access: { permission: 'air.manage' },
    params: IdParams,
    body: z.strictObject({ version: z.number().int().min(0), enabled: z.boolean().optional(), params: RuleParams.partial().optional() }),
    response: AlertRule,
  }),
  evaluate: defineRoute({
    id: 'air.evaluateAlerts',
    method: 'POST',
    path: '/api/v1/air/alerts/evaluate',
    summary: 'Evaluate the rules on the hourly rollups now (the background job does this every round)',
    tag: 'air',
    access: { permission: 'air.manage' },
    body: z.strictObject({}).optional(),
    response: z.object({ raised: z.number().int(), verifying: z.number().int(), closed: z.number().int(), returned: z.number().int(), evaluatedTo: Instant }),
  }),
  alerts: defineRoute({
    id: 'air.alerts',
    method: 'GET',
    path: '/api/v1/air/alerts',
    summary: 'Alerts you may see: within your air.manage or supervision.manage scope, or assigned to your unit',
    tag: 'air',
    access: 'session',
    query: z.strictObject({
      status: z.enum(['open', 'closed', 'all']).default('open').describe('open: dispatched or verifying'),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    response: z.object({ items: z.array(AirAlert) }),
  }),
  alert: defineRoute({
    id: 'air.alert',
    method: 'GET',
    path: '/api/v1/air/alerts/:id',
    summary: 'An alert with its hourly evidence and its 督办 task',
    tag: 'air',
    access: 'session',
    params: IdParams,
    response: AirAlertDetail,
  }),
  report: defineRoute({
    id: 'air.reportAlert',
    method: 'POST',
    path: '/api/v1/air/alerts/:id/report',
    summary: 'The responsible unit reports what it found and did (accepts and reports the 督办 task); the alert closes when the data agree',
    tag: 'air',
    access: 'session',
    params: IdParams,
    body: z.strictObject({
      version: z.number().int().min(0).describe('The alert version you acted on'),
      found: z.string().trim().min(1).max(2000),
      action: z.string().trim().min(1).max(2000),
      measureType: MeasureType,
      photos: z.array(z.string().min(1).max(64)).max(9).default([]).describe('Ids of files you uploaded'),
    }),
    response: AirAlert,
  }),
  setDuty: defineRoute({
    id: 'air.setDeviceDuty',
    method: 'PUT',
    path: '/api/v1/air/devices/:code/duty',
    summary: 'The unit responsible for a device’s surroundings (属地), where its location resolves to no street',
    tag: 'air',
    access: { permission: 'air.manage' },
    params: z.object({ code: z.string().min(1).max(64) }),
    body: z.strictObject({ unitCode: UnitCode }),
    response: z.object({ device: z.string(), unit: Ref }),
  }),
  measures: defineRoute({
    id: 'air.measures',
    method: 'GET',
    path: '/api/v1/air/measures',
    summary: 'The register of measures (staff)',
    tag: 'air',
    access: { permission: 'directory.read' },
    query: z.strictObject({
      district: UnitCode.optional(),
      station: z.string().max(64).optional(),
      category: MeasureCategory.optional(),
      activeOn: LocalDate.optional().describe('Only measures in force on this day'),
      limit: z.coerce.number().int().min(1).max(500).default(200),
    }),
    response: z.object({ items: z.array(Measure) }),
  }),
  measure: defineRoute({
    id: 'air.measure',
    method: 'GET',
    path: '/api/v1/air/measures/:id',
    summary: 'One measure',
    tag: 'air',
    access: { permission: 'directory.read' },
    params: IdParams,
    response: Measure,
  }),
  createMeasure: defineRoute({
    id: 'air.createMeasure',
    method: 'POST',
    path: '/api/v1/air/measures',
    summary: 'Register a measure (air.manage covering the responsible unit)',
    tag: 'air',
    access: { permission: 'air.manage' },
    body: MeasureBody,
    response: Measure,
    status: 201,
  }),
  updateMeasure: defineRoute({
    id: 'air.updateMeasure',
    method: 'PATCH',
    path: '/api/v1/air/measures/:id',
    summary: 'Change a measure (e.g. set its end date)',
    tag: 'air',
    access: { permission: 'air.manage' },
    params: IdParams,
    body: MeasureBody.partial().extend({ version: z.number().int().min(0).describe('The measure version you edited') }),
    response: Measure,
  }),
  deleteMeasure: defineRoute({
    id: 'air.deleteMeasure',
    method: 'DELETE',
    path: '/api/v1/air/measures/:id',
    summary: 'Remove a measure registered in error',
    tag: 'air',
    access: { permission: 'air.manage' },
    params: IdParams,
    query: z.strictObject({ version: z.coerce.number().int().min(0) }),
    response: z.object({ ok: z.literal(true) }),
  }),
  reductions: defineRoute({
    id: 'air.reductions',
    method: 'GET',
    path: '/api/v1/air/reductions',
    summary: 'What a period achieved at a station: the deweathered change and the difference in differences against control stations, each with a 95 % interval',
    tag: 'air',
    access: { permission: 'directory.read' },
    query: z.strictObject({
      station: z.string().min(1).max(64),
      from: LocalDate.describe('First day of the period (the measure in force)'),
      to: LocalDate.describe('Last day of the period'),
      baselineFrom: LocalDate.optional().describe('Default: as many days right before `from`'),
      baselineTo: LocalDate.optional(),
      pollutant: Pollutant.default('pm25'),
      controls: z.string().max(1000).optional().describe('Comma-separated control station codes; default: every other station'),
    }),
    response: ReductionEstimate,
  }),
  brief: defineRoute({
    id: 'air.brief',
    method: 'GET',
    path: '/api/v1/air/brief.pdf',
    summary: 'The monthly brief of a district (PDF): AQI summary, PM2.5 ranking, measures, estimated reductions',
    tag: 'air',
    access: { permission: 'directory.read' },
    query: z.strictObject({ district: UnitCode, month: Month }),
    response: null,
    produces: 'application/pdf',
  }),
} as const;
