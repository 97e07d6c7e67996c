import type { ResponseOf, systemRoutes } from '@jing/contracts';
import { api } from './api/index.ts';
import { useAsync, type AsyncState } from './useAsync.ts';

/** Settings the web app needs from the deployment: city, time zone, map style, upload limit. */
export type ClientConfig = ResponseOf<typeof systemRoutes.config>;

/** Used until the server answers, and if it cannot: Jing's home city. */
export const DEFAULT_CLIENT_CONFIG: ClientConfig = {
  cityCode: '110000',
  cityName: '北京市',
  timeZone: 'Asia/Shanghai',
  mapStyleUrl: null,
  center: [116.4, 40.2],
  uploadLimitBytes: 5 * 1024 * 1024,
};

// The config does not change while the page is open: fetch it once for every component.
let cached: Promise<ClientConfig> | null = null;

/** Fetches `GET /api/v1/client-config` once per page load. */
export function loadClientConfig(): Promise<ClientConfig> {
  cached ??= api.get<ClientConfig>('/api/v1/client-config').catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

/** The deployment's client config; `data` is undefined while loading. */
export function useClientConfig(): AsyncState<ClientConfig> {
  return useAsync(() => loadClientConfig(), []);
}
