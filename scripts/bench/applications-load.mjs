/**
 * Child of the benchmark: 办件 submission under load. Signs in as 张伟, takes
 * his wallet ID card (免提交) and uploads a photo and a proof once, then posts
 * residence-permit applications at N connections with autocannon, each with
 * its own idempotency key, in its own process.
 *
 *   node scripts/bench/applications-load.mjs <server url> <connections> <warm-up s> <duration s>
 *
 * Each request is a real submission: the pinned item version, form validation
 * against the item's fields (ID number check digits included), three materials
 * by reference (the certificate checked against the wallet, the two files
 * against their owner, type and size), the implementing unit through the org
 * tree, then in one transaction the record, its materials, the timeline entry,
 * the unit's inbox item (with its working-day deadline), the in-app, SMS and
 * e-mail notifications and the audit entry.
 */
import { measure } from './autocannon-run.mjs';

const [url, connections, warmup, duration] = process.argv.slice(2);
const ITEM = 'BJ-GA-XK-0101';

const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'resident.zhang', password: 'Jing@2026demo' }) });
if (!login.ok) throw new Error(`login failed: ${login.status}`);
const cookie = login.headers.get('set-cookie').split(';')[0];
const { csrfToken } = await login.json();
const headers = { cookie, 'x-csrf-token': csrfToken };

const prefill = await (await fetch(`${url}/api/v1/applications/prefill?itemCode=${ITEM}`, { headers })).json();
if (!prefill.held?.id_card?.length) throw new Error(`no id_card certificate in the wallet: ${JSON.stringify(prefill)}`);
const upload = async (type, body) => {
  const r = await fetch(`${url}/api/v1/files`, { method: 'POST', headers: { ...headers, 'content-type': type }, body });
  if (r.status !== 201) throw new Error(`upload ${type}: ${r.status} ${await r.text()}`);
  return (await r.json()).id;
};
const photo = await upload('image/png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 1)]));
const proof = await upload('application/pdf', Buffer.from('%PDF-1.4\n% bench proof\n%%EOF\n'));
const body = JSON.stringify({
  itemCode: ITEM,
  situation: 'employment',
  districtCode: '110105',
  form: { ...prefill.values, phone: '13800138000', address: '北京市朝阳区建国路1号', registeredSince: '2025-01-02' },
  materials: [
    { code: 'id_card', certificateId: prefill.held.id_card[0].id },
    { code: 'photo', fileIds: [photo] },
    { code: 'employment_proof', fileIds: [proof] },
  ],
});
const probe = await fetch(`${url}/api/v1/applications`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
if (probe.status !== 201) throw new Error(`submission answered ${probe.status}: ${await probe.text()}`);

let n = 0;
const run = `${process.pid}-${Date.now()}`;
await measure(
  {
    url: `${url}/api/v1/applications`,
    connections: Number(connections),
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `${run}-${++n}` } }) }],
  },
  warmup,
  duration,
);
