/**
 * Child of the benchmark: 接诉即办 intake under load. Signs in as a resident,
 * then posts cases at N connections with autocannon, in its own process.
 *
 *   node scripts/bench/cases-load.mjs <server url> <connections> <warm-up s> <duration s> [bare]
 *
 * Each request is a real submission: validation, location → street, dispatch
 * catalogue, deadlines on the working-day calendar, duplicate check, inbox
 * item, rollups and the audit entry, in one transaction. With `bare`, the
 * same bodies go to the bare Fastify baseline (no sign-in, fixed codes).
 */
import { measure } from './autocannon-run.mjs';

const [url, connections, warmup, duration, mode] = process.argv.slice(2);
const bare = mode === 'bare';

let cookie = '';
let csrfToken = '';
let streets = ['110105001', '110105002', '110105003'];
let categories = ['noise_construction', 'garbage_collection', 'street_lights'];
if (!bare) {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'resident.zhang', password: 'Jing@2026demo' }) });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  cookie = login.headers.get('set-cookie').split(';')[0];
  ({ csrfToken } = await login.json());
  // Streets of 朝阳区 and categories its streets handle, so cases spread over many inboxes and rollups.
  const children = await (await fetch(`${url}/api/v1/org/units/110105/children`)).json();
  streets = children.items.filter((u) => u.level === 'street').map((u) => u.code);
  categories = (await (await fetch(`${url}/api/v1/cases/categories`)).json()).items.filter((c) => c.handler).map((c) => c.code);
}
// Every other case carries a map pin (east of 国贸, inside 朝阳区): those are
// located in the district polygons and checked for nearby duplicates.
let n = 0;
const body = () => {
  n++;
  return JSON.stringify({
    type: 'complaint',
    categoryCode: categories[n % categories.length],
    description: `压测诉求 #${n}：夜间施工噪音扰民`,
    streetCode: streets[n % streets.length],
    ...(n % 2 === 0 ? { location: { lng: 116.4575 + Math.random() * 0.03, lat: 39.89 + Math.random() * 0.04 } } : {}),
  });
};

await measure(
  {
    url: `${url}/api/v1/cases`,
    connections: Number(connections),
    method: 'POST',
    headers: bare ? { 'content-type': 'application/json' } : { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  },
  warmup,
  duration,
);
