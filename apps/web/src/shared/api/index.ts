import { createApiClient } from './client.ts';

export { ApiError, createApiClient, seg } from './client.ts';
export type { ApiClient, ApiErrorCode, Query, RequestOptions } from './client.ts';

/** The app's one API client: same origin, cookie session. */
export const api = createApiClient();
