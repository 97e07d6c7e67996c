import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServiceItemInput } from '@jing/contracts';

/** The shipped catalogue: real Beijing service items from public service guides (sources inside). */
export const SERVICE_ITEMS_FILE = fileURLToPath(new URL('../../../data/services/items.json', import.meta.url));

export function loadServiceItems(file = SERVICE_ITEMS_FILE): ServiceItemInput[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { items: ServiceItemInput[] };
  return data.items;
}
