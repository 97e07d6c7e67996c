import type { FastifyInstance } from 'fastify';
import { sensingRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { IngestService } from './ingest.service.ts';
import { parseNdjson } from './records.ts';
import { unpackFlags } from './qc.ts';
import type { SensingService } from './sensing.service.ts';
import type { StoredRow, HourlyRow } from './readings.repository.ts';
import { POLLUTANTS } from './qc.ts';

const bearer = (h: string | string[] | undefined): string | null => {
  const v = Array.isArray(h) ? h[0] : h;
  const m = v ? /^Bearer\s+(\S+)\s*$/i.exec(v) : null;
  return m ? m[1]! : null;
};

/** NDJSON bodies become `{ readings: [...] }`, a line that is not JSON a marker rejected with its line number. */
export function sensingContentTypes(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_req, body, done) => done(null, { readings: parseNdjson(body as string) }));
}

const storedView = (row: StoredRow) => ({
  time: new Date(row.t).toISOString(),
  values: Object.fromEntries(POLLUTANTS.filter((p) => row[p] !== null).map((p) => [p, row[p]])),
  flags: unpackFlags(row.qc),
});

const hourlyView = (row: HourlyRow) => ({
  hour: new Date(row.hour * 3_600_000).toISOString(),
  readings: Number(row.n),
  flagged: Number(row.flagged),
  means: Object.fromEntries(POLLUTANTS.filter((p) => Number(row[`${p}_n`]) > 0).map((p) => [p, row[p]])),
  counts: Object.fromEntries(POLLUTANTS.filter((p) => Number(row[`${p}_n`]) > 0).map((p) => [p, Number(row[`${p}_n`])])),
});

export function sensingBindings(s: SensingService, ingest: IngestService, bodyLimit: number): RouteBinding[] {
  return [
    { ...bind(r.ingest, ({ headers, body }) => ingest.ingest(bearer(headers.authorization), body.readings)), bodyLimit },
    bind(r.createNetwork, ({ caller, body }) => s.createNetwork(caller, body)),
    bind(r.listNetworks, async ({ caller }) => ({ items: await s.listNetworks(caller) })),
    bind(r.rotateKey, ({ caller, params }) => s.rotateKey(caller, params.code)),
    bind(r.createDevice, ({ caller, body }) => s.createDevice(caller, body)),
    bind(r.updateDevice, ({ caller, params, body }) => s.updateDevice(caller, params.code, body)),
    bind(r.listDevices, ({ caller, query }) => s.listDevices(caller, query)),
    bind(r.getDevice, ({ caller, params }) => s.getDevice(caller, params.code)),
    bind(r.readings, async ({ caller, params, query }) => ({ items: (await s.readings(caller, params.code, query.from, query.to)).map(storedView) })),
    bind(r.hourly, async ({ caller, params, query }) => ({ items: (await s.hourly(caller, params.code, query.from, query.to)).map(hourlyView) })),
  ];
}
