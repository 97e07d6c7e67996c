import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, DESKTOP, openPage, pageErrors, signIn, waitForAttribute, saveScreenshot } from '../browser.ts';
import { e2eEnvironment } from '../setup.ts';
import { apiSession } from '../api.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

interface AlertJson {
  id: string;
  status: string;
  device: { code: string };
  unit: { code: string };
  taskId: string;
  report: { measureId: string } | null;
}

describe('一微克: a micro-sensor hotspot becomes a street’s task and closes when the data agree', () => {
  const env = e2eEnvironment();
  let alertId = '';

  it('shows the demo hotspot as a 督办 task in 建外街道’s inbox and as an alert on the map', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    const item = page.locator('[data-testid="inbox-item"][data-kind="supervision.handle"]', { hasText: 'CY-MS-003' });
    await item.waitFor();
    assert.match(await item.innerText(), /一微克/);

    await page.getByTestId('nav-air/alerts').click();
    await waitForAttribute(page.getByTestId('alerts-table'), 'data-loading', 'false');
    const row = page.locator('[data-testid="alert-row"][data-status="dispatched"]', { hasText: 'CY-MS-003' });
    await row.waitFor();
    alertId = (await row.getAttribute('data-id'))!;
    // The marker on the map opens the alert.
    await page.locator(`[data-testid="alert-marker"][data-id="${alertId}"]`).click();
    await page.waitForURL((url) => url.pathname === `/ban/air/alerts/${alertId}`);
    await waitForAttribute(page.getByTestId('air-alert-page'), 'data-status', 'dispatched');
    assert.ok(Number(await page.getByTestId('alert-evidence').getAttribute('data-hours')) >= 20, 'the hourly evidence is charted');
    await waitForAttribute(page.getByTestId('alert-task'), 'data-assignment-status', 'assigned');
    await saveScreenshot(page, 'ban-air-alert');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('lets 建外街道 report what it found and did with a photo; the data already agree, so the alert and its task close', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    await page.goto(`${env.server.url}/ban/air/alerts/${alertId}`);
    await waitForAttribute(page.getByTestId('air-alert-page'), 'data-status', 'dispatched');
    // The sensor has been back among its neighbours for four hours (the rule needs three).
    assert.ok(Number(await page.getByTestId('alert-clean-hours').getAttribute('data-clean')) >= 3);
    await page.getByTestId('report-found').fill('光华路在建工地土方作业未苫盖，渣土车带泥上路');
    await page.getByTestId('report-action').fill('责令停止土方作业，裸土全部苫盖，出入口道路冲洗');
    await page.getByTestId('report-photo').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('report-photo-tag').waitFor();
    await page.getByTestId('report-submit').click();
    await waitForAttribute(page.getByTestId('air-alert-page'), 'data-status', 'closed');
    await waitForAttribute(page.getByTestId('alert-task'), 'data-assignment-status', 'closed');
    await page.getByTestId('alert-report').waitFor();
    assert.match(await page.getByTestId('alert-note').innerText(), /数据核验通过/);

    const bureau = await apiSession(env.server.url, 'cy.ecology');
    const alert = await bureau.get<AlertJson>(`/api/v1/air/alerts/${alertId}`);
    assert.deepEqual([alert.status, alert.unit.code], ['closed', '110105001']);
    const task = await (await apiSession(env.server.url, 'chaoyang.officer')).get<{ assignments: { status: string; events: { type: string }[] }[] }>(`/api/v1/supervision/tasks/${alert.taskId}`);
    assert.deepEqual(task.assignments[0]!.events.map((e) => e.type), ['assign', 'accept', 'report', 'close']);
    const measure = await bureau.get<{ alertId: string; type: string }>(`/api/v1/air/measures/${alert.report!.measureId}`);
    assert.deepEqual([measure.alertId, measure.type], [alertId, 'dust_suppression']);
    // Closed, it leaves the open list; its marker turns green under 全部.
    await page.getByTestId('nav-air/alerts').click();
    await waitForAttribute(page.getByTestId('alerts-table'), 'data-loading', 'false');
    assert.equal(await page.locator(`[data-testid="alert-row"][data-id="${alertId}"]`).count(), 0);
    await page.getByTestId('alerts-filter').getByText('全部').click();
    await page.locator(`[data-testid="alert-marker"][data-id="${alertId}"][data-status="closed"]`).waitFor();
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('lets the ecology bureau register a measure', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'cy.ecology');
    await page.getByTestId('nav-air/measures').click();
    await waitForAttribute(page.getByTestId('measures-table'), 'data-loading', 'false');
    await page.getByTestId('measure-new').click();
    await page.getByTestId('measure-title').fill('农展馆周边餐饮油烟净化设施检查');
    await page.getByTestId('measure-station').click();
    await page.getByTitle('农展馆（Nongzhanguan）').click();
    await page.getByTestId('measure-start').fill('2017-02-01');
    await page.getByTestId('measure-submit').click();
    await page.locator('[data-testid="measure-row"]', { hasText: '农展馆周边餐饮油烟净化设施检查' }).waitFor();
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('shows in 京智 the reduction estimate for a station and period with its uncertainty, and the district brief', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/zhi/login', 'chaoyang.officer');
    await page.getByTestId('nav-zhi-reductions').click();
    const result = page.getByTestId('reduction-result');
    await waitForAttribute(result, 'data-loading', 'false');
    const ci = page.getByTestId('reduction-deweathered-ci');
    const [low, high] = [Number(await ci.getAttribute('data-low')), Number(await ci.getAttribute('data-high'))];
    assert.ok(Number.isFinite(low) && Number.isFinite(high) && low < high, `interval ${low} … ${high}`);
    assert.match(await ci.innerText(), /95% 置信区间/);
    assert.match(await page.getByTestId('reduction-did-ci').innerText(), /95% 置信区间/);
    assert.ok(Number(await page.getByTestId('reduction-chart').getAttribute('data-days')) > 50);
    await saveScreenshot(page, 'zhi-reductions');
    const href = await page.getByTestId('brief-download').getAttribute('href');
    const pdf = await page.request.get(env.server.url + href);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });
});
