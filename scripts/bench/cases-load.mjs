/**
 * Child of the benchmark: 接诉即办 intake under load. Signs in as a resident,
 * then posts cases at N connections with autocannon, in its own process.
 *
 *   node scripts/bench/cases-load.mjs <server url> <connections> <warm-up s> <duration s>
 *
 * Each request is a real submission: validation, location → street, dispatch
 * catalogue, deadlines on the working-day calendar, duplicate check, inbox
 * item, rollups and the audit entry, in one transaction.
 */
import { measure } from './autocannon-run.mjs';

const [url, connections, warmup, duration] = process.argv.slice(2);

const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'resident.zhang', password: 'Jing@2026demo' }) });
if (!login.ok) throw new Error(`login failed: ${login.status}`);
const cookie = login.headers.get('set-cookie').split(';')[0];
const { csrfToken } = await login.json();

// Streets of 朝阳区 and categories its streets handle, so cases spread over many inboxes and rollups.
const children = await (await fetch(`${url}/api/v1/org/units/110105/children`)).json();
const streets = children.items.filter((u) => u.level === 'street').map((u) => u.code);
const categories = (await (await fetch(`${url}/api/v1/cases/categories`)).json()).items.filter((c) => c.handler).map((c) => c.code);
let n = 0;
const body = () => {
  n++;
  return JSON.stringify({
    type: 'complaint',
    categoryCode: categories[n % categories.length],
    description: `压测诉求 #${n}：夜间施工噪音扰民`,
    streetCode: streets[n % streets.length],
  });
};

await measure(
  {
    url: `${url}/api/v1/cases`,
    connections: Number(connections),
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  },
  warmup,
  duration,
);
