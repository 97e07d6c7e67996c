import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, openPage, pageErrors, PHONE, signIn, waitForAttribute } from '../browser.ts';
import { assertNoHorizontalOverflow, e2eEnvironment } from '../setup.ts';
import { apiSession, type CaseJson } from '../api.ts';
import { fillNoiseReport, GUOMAO, pickCategory, pickOption, placePin, PNG, submitReport, thumbnailsLoaded } from '../cases.ts';

/** The resident's cases with this description, as the API has them. */
async function casesDescribed(baseUrl: string, description: string): Promise<CaseJson[]> {
  const mine = await (await apiSession(baseUrl, 'resident.zhang')).get<{ items: (CaseJson & { description: string })[] }>('/api/v1/cases');
  return mine.items.filter((c) => c.description === description);
}

describe('京通 Tong 接诉即办: reporting and following a request', () => {
  const env = e2eEnvironment();

  it('shows the server’s verdict under the street field when the street is left out, then files the report and follows it', async () => {
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/login', 'resident.zhang');
    await page.goto(`${env.server.url}/cases/new`);
    await page.getByTestId('report-form').waitFor();
    await page.getByTestId('report-type').getByText('投诉', { exact: true }).click();
    await pickCategory(page, page.getByTestId('report-category'), '城市管理', '施工噪音扰民');
    await page.getByTestId('report-description').fill('工地夜间施工，电锯声持续到凌晨');
    await placePin(page, GUOMAO);
    await waitForAttribute(page.getByTestId('report-located'), 'data-district', '110105');
    await assertNoHorizontalOverflow(page);

    // Which categories need a street is the server's rule: its answer lands on the street field.
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST');
    await page.getByTestId('report-submit').click();
    const response = await answer;
    assert.equal(response.status(), 400);
    assert.deepEqual(((await response.json()) as { error: { details: { issues: { path: string }[] } } }).error.details.issues.map((i) => i.path), ['body.streetCode']);
    const field = page.locator('.ant-form-item', { has: page.getByTestId('report-street') });
    await field.locator('.ant-form-item-explain-error').getByText('请选择所在街道/乡镇').waitFor();

    await page.getByTestId('report-street').click();
    await pickOption(page, '建外街道');
    const number = await submitReport(page);

    await page.getByTestId('report-view').click();
    await page.getByTestId('my-case-page').waitFor();
    assert.equal(await page.getByTestId('case-number').innerText(), number);
    assert.equal(await page.getByTestId('case-handler').innerText(), '建外街道');
    await waitForAttribute(page.getByTestId('case-status'), 'data-status', 'dispatched');
    await waitForAttribute(page.getByTestId('case-timeline'), 'data-count', '2');
    await waitForAttribute(page.getByTestId('countdown-resolve'), 'data-overdue', 'false');
    await assertNoHorizontalOverflow(page);

    await page.goto(`${env.server.url}/cases`);
    await page.locator(`[data-testid="my-case"][data-number="${number}"]`).waitFor();
    await assertNoHorizontalOverflow(page);
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('never files a request twice: when the answer is lost and the resident taps again, the first case comes back', async () => {
    const description = '楼下工地周末凌晨打桩，影响休息';
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/login', 'resident.zhang');
    await page.goto(`${env.server.url}/cases/new`);
    await fillNoiseReport(page, description);

    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/cases') && r.method() === 'POST') keys.push(r.headers()['idempotency-key'] ?? '');
    });
    // The first submission reaches the server, but its answer never reaches the phone.
    let lose = true;
    await page.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST' || !lose) return route.fallback();
      lose = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-error').getByText('网络连接失败').waitFor();
    assert.equal((await casesDescribed(env.server.url, description)).length, 1, 'the server did take the first submission');

    const number = await submitReport(page);
    const filed = await casesDescribed(env.server.url, description);
    assert.deepEqual(filed.map((c) => c.number), [number], 'one case, and the number shown is its number');
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1], 'the retry carries the same Idempotency-Key');
    assert.match(keys[0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // A new report is a new fill: a new key, a new case.
    await page.getByTestId('report-another').click();
    await fillNoiseReport(page, `${description}（又一次）`);
    await submitReport(page);
    assert.equal(keys.length, 3);
    assert.notEqual(keys[2], keys[0]);
    await closePage(page);
  });

  it('places the pin at the device’s position with “use my location”, and keeps the reporter anonymous when asked', async () => {
    const description = '路边占道施工，夜间噪音很大';
    const page = await openPage(env.browser, PHONE);
    await page.context().grantPermissions(['geolocation'], { origin: env.server.url });
    await page.context().setGeolocation({ longitude: GUOMAO.lng, latitude: GUOMAO.lat, accuracy: 10 });
    await signIn(page, env.server.url, '/login', 'resident.zhang');
    await page.goto(`${env.server.url}/cases/new`);
    await page.getByTestId('report-type').getByText('投诉', { exact: true }).click();
    await pickCategory(page, page.getByTestId('report-category'), '城市管理', '施工噪音扰民');
    await page.getByTestId('report-description').fill(description);
    await page.getByTestId('report-my-location').click();
    await waitForAttribute(page.getByTestId('pin-map'), 'data-pin', `${GUOMAO.lng},${GUOMAO.lat}`);
    await waitForAttribute(page.getByTestId('report-located'), 'data-district', '110105');
    await page.getByTestId('report-street').click();
    await pickOption(page, '建外街道');
    await page.getByTestId('report-anonymous').check();
    await submitReport(page);

    const [filed] = await casesDescribed(env.server.url, description);
    assert.ok(filed);
    assert.deepEqual(filed.location, GUOMAO);
    assert.equal(filed.anonymous, true);
    const street = await apiSession(env.server.url, 'jianwai.officer');
    assert.equal((await street.get<CaseJson>(`/api/v1/cases/${filed.id}`)).reporter, null, 'the street does not learn who reported it');
    await closePage(page);
  });

  it('attaches photos on a phone: refuses a non-image, an oversize file and a fake PNG with a message naming it, removes one, and shows the rest on the case', async () => {
    const description = '工地围挡倒塌占用人行道，附现场照片';
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/login', 'resident.zhang');
    await page.goto(`${env.server.url}/cases/new`);
    await fillNoiseReport(page, description);
    const input = page.getByTestId('report-photos-file');
    const list = page.getByTestId('report-photos-files');
    const error = page.getByTestId('report-photos-error');
    await input.setInputFiles([
      { name: '围挡1.png', mimeType: 'image/png', buffer: PNG },
      { name: '围挡2.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await waitForAttribute(list, 'data-count', '2');
    await thumbnailsLoaded(page.getByTestId('report-photos-thumbs'), 2);

    // Refused here, before any upload: a document, and a photo above the server's 5 MB limit.
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/files') && r.method() === 'POST') uploads.push(r.headers()['x-file-name'] ?? '');
    });
    await input.setInputFiles([
      { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是照片') },
      { name: '原图.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]) },
    ]);
    await error.getByText('「说明.txt」的格式不支持，请上传 JPG/PNG/WEBP').waitFor();
    await error.getByText('「原图.png」超过 5 MB').waitFor();
    assert.deepEqual(uploads, [], 'nothing was sent');
    // Refused by the server: it reads the first bytes, not the name or the declared type.
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/files') && r.request().method() === 'POST');
    await input.setInputFiles({ name: '伪装.png', mimeType: 'image/png', buffer: Buffer.from('<script>alert(1)</script>') });
    assert.equal((await answer).status(), 400);
    await error.getByText('「伪装.png」的内容与其格式不符或已损坏').waitFor();
    await waitForAttribute(list, 'data-count', '2');

    await page.getByTestId('report-photos-thumbs-remove').first().click();
    await waitForAttribute(list, 'data-count', '1');
    await assertNoHorizontalOverflow(page);
    await submitReport(page);

    const [filed] = await casesDescribed(env.server.url, description);
    assert.ok(filed);
    const full = await (await apiSession(env.server.url, 'resident.zhang')).get<{ attachments: { kind: string; contentType: string; url: string }[] }>(`/api/v1/cases/${filed.id}`);
    assert.deepEqual(full.attachments.map((a) => [a.kind, a.contentType]), [['photo', 'image/png']]);

    await page.getByTestId('report-view').click();
    await page.getByTestId('my-case-page').waitFor();
    const photos = page.getByTestId('case-photos');
    await thumbnailsLoaded(photos, 1);
    await assertNoHorizontalOverflow(page);
    // A thumbnail opens the full image.
    await photos.getByTestId('case-photos-item').click();
    const preview = page.locator('.ant-image-preview-img');
    await preview.waitFor();
    assert.equal(await preview.getAttribute('src'), full.attachments[0]!.url);
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('speaks English after the switch, catalogue names included', async () => {
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/login', 'resident.zhang');
    await page.goto(`${env.server.url}/cases/new`);
    await page.getByTestId('lang-switch').click();
    await page.getByText('Report a problem', { exact: true }).waitFor();
    await pickCategory(page, page.getByTestId('report-category'), 'Urban management', 'Construction noise');
    assert.match(await page.getByTestId('report-category').innerText(), /Construction noise/);
    await page.getByTestId('report-submit').click();
    await page.getByText('Describe it in at least 5 characters').or(page.getByText('Required')).first().waitFor();
    await assertNoHorizontalOverflow(page);
    await closePage(page);
  });
});
