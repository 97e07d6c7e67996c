import { z } from 'zod';
import { defineRoute } from './route.ts';

export const systemRoutes = {
  healthz: defineRoute({
    id: 'system.healthz',
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness',
    tag: 'system',
    access: 'public',
    response: z.object({ status: z.literal('ok') }),
  }),
  readyz: defineRoute({
    id: 'system.readyz',
    method: 'GET',
    path: '/readyz',
    summary: 'Readiness: the database answers',
    tag: 'system',
    access: 'public',
    response: z.object({ status: z.literal('ok'), database: z.string() }),
  }),
  metrics: defineRoute({
    id: 'system.metrics',
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus metrics (text format)',
    tag: 'system',
    access: 'public',
    response: null,
    produces: 'text/plain; version=0.0.4',
  }),
  openapi: defineRoute({
    id: 'system.openapi',
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tag: 'system',
    access: 'public',
    response: null,
    produces: 'application/json',
  }),
  config: defineRoute({
    id: 'system.clientConfig',
    method: 'GET',
    path: '/api/v1/client-config',
    summary: 'Settings the web app needs: city, time zone, map style, upload limit',
    tag: 'system',
    access: 'public',
    response: z.object({
      cityCode: z.string(),
      cityName: z.string(),
      timeZone: z.string(),
      mapStyleUrl: z.string().nullable().describe('A MapLibre style URL, when the deployment has a tile server'),
      center: z.tuple([z.number(), z.number()]),
      uploadLimitBytes: z.number().int().describe('The largest file `POST /api/v1/files` takes (JING_UPLOAD_LIMIT_BYTES), so forms can refuse bigger ones before sending'),
    }),
  }),
} as const;
