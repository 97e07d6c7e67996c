import { loadClientConfig, type ClientConfig } from '../../../shared/clientConfig.ts';
import { useAsync, type AsyncState } from '../../../shared/useAsync.ts';
import { getBoundaries, type BoundaryCollection } from '../api.ts';

// District outlines do not change while a page is open; every map shares one download.
let cached: Promise<BoundaryCollection> | null = null;

/** What a map of the city needs: the deployment's settings and the district boundaries. */
export interface CityMap {
  config: ClientConfig;
  boundaries: BoundaryCollection;
}

/** The client config and the city's district boundaries, fetched once per page load. */
export function useCityBoundaries(): AsyncState<CityMap> {
  return useAsync(async () => {
    const config = await loadClientConfig();
    cached ??= getBoundaries(config.cityCode).catch((err: unknown) => {
      cached = null;
      throw err;
    });
    return { config, boundaries: await cached };
  }, []);
}
