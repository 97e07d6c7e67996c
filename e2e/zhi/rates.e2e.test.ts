import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closePage, DESKTOP, openPage, pageErrors, PHONE, signIn, waitForAttribute } from '../browser.ts';
import { assertNoHorizontalOverflow, e2eEnvironment, type E2eEnvironment } from '../setup.ts';
import { apiSession, beijingMonth, type ApiSession, type CaseJson, type RatesRowJson } from '../api.ts';
import { pickOption } from '../cases.ts';

/** The month before `YYYY-MM`. */
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The first street of a district. */
async function firstStreet(api: ApiSession, district: string): Promise<string> {
  const children = await api.get<{ items: { code: string; level: string }[] }>(`/api/v1/org/units/${district}/children`);
  return children.items.find((u) => u.level === 'street')!.code;
}

/**
 * This month's requests, made and handled over the API:
 * - 建外街道 (朝阳区): a noise complaint contacted in time, solved, rated 非常满意 → 100;
 * - 朝阳区城市管理委员会: a street-light call signed and contacted, not yet replied → response only;
 * - one street each in 海淀区 and 东城区: a request nobody has touched → 0, a tie.
 */
async function arrangeMonth(env: E2eEnvironment): Promise<void> {
  const resident = await apiSession(env.server.url, 'resident.zhang');
  const operator = await apiSession(env.server.url, 'hotline.operator');
  const street = await apiSession(env.server.url, 'jianwai.officer');
  const agency = await apiSession(env.server.url, 'cy.urban');

  let c = await resident.post<CaseJson>('/api/v1/cases', { type: 'complaint', categoryCode: 'noise_construction', description: '工地夜间施工噪音', streetCode: '110105001' });
  c = await street.post<CaseJson>(`/api/v1/cases/${c.id}/sign`, { version: c.version });
  c = await street.post<CaseJson>(`/api/v1/cases/${c.id}/contact`, { version: c.version, method: 'phone', note: '已联系' });
  c = await street.post<CaseJson>(`/api/v1/cases/${c.id}/reply`, { version: c.version, text: '已责令停工', resolved: true });
  await resident.post(`/api/v1/cases/${c.id}/rate`, { version: c.version, contacted: true, resolved: true, satisfaction: 'very_satisfied' });

  const caller = { name: '李女士', phone: '13900139000' };
  let light = await operator.post<CaseJson>('/api/v1/cases', { type: 'help', categoryCode: 'street_lights', description: '小区门口路灯不亮', streetCode: '110105001', caller });
  light = await agency.post<CaseJson>(`/api/v1/cases/${light.id}/sign`, { version: light.version });
  await agency.post(`/api/v1/cases/${light.id}/contact`, { version: light.version, method: 'phone', note: '已联系' });

  for (const district of ['110108', '110101']) {
    await operator.post('/api/v1/cases', { type: 'complaint', categoryCode: 'noise_construction', description: '工地施工噪音扰民', streetCode: await firstStreet(operator, district), caller });
  }
}

/** Waits for the table to finish loading and returns a row by unit code. */
async function row(page: Page, code: string) {
  await waitForAttribute(page.getByTestId('rates-table'), 'data-loading', 'false');
  return page.getByTestId(`rates-row-${code}`);
}

describe('京智 Zhi 三率 league tables', () => {
  const env = e2eEnvironment();
  before(() => arrangeMonth(env));

  it('ranks the districts of this month by weighted score — ties share a rank — with the rates as percentages and a bar each', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/zhi/login', 'muni.officer');
    await page.getByTestId('nav-zhi-rates').click();
    await waitForAttribute(page.getByTestId('rates-page'), 'data-month', beijingMonth());

    const api = await apiSession(env.server.url, 'muni.officer');
    const table = await api.get<{ items: RatesRowJson[] }>(`/api/v1/cases/rates?month=${beijingMonth()}&level=district`);
    const scored = table.items.filter((r) => r.score !== null);
    assert.deepEqual(Object.fromEntries(scored.map((r) => [r.unit.code, [r.rank, r.score]])), { '110105': [1, 100], '110108': [2, 0], '110101': [2, 0] });

    const chaoyang = await row(page, '110105');
    assert.equal(await chaoyang.getAttribute('data-rank'), '1');
    assert.equal(await chaoyang.getAttribute('data-cases'), '2');
    assert.deepEqual(await chaoyang.locator('[data-col]').allInnerTexts(), ['100.0%', '100.0%', '100.0%', '100.0']);
    for (const tied of ['110108', '110101']) {
      const r = await row(page, tied);
      assert.equal(await r.getAttribute('data-rank'), '2', `${tied} shares rank 2`);
      assert.deepEqual(await r.locator('[data-col]').allInnerTexts(), ['0.0%', '—', '—', '0.0']);
    }
    // Districts without requests are listed without a rank.
    assert.equal(await (await row(page, '110102')).getAttribute('data-rank'), '');
    await waitForAttribute(page.getByTestId('rates-chart'), 'data-bar-count', '3');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('drills down from 朝阳区 to its streets, and opens a street’s requests only for that street’s own staff', async () => {
    const outsider = await openPage(env.browser, DESKTOP);
    await signIn(outsider, env.server.url, '/zhi/login', 'muni.officer');
    await outsider.goto(`${env.server.url}/zhi/rates`);
    await (await row(outsider, '110105')).click();
    await waitForAttribute(outsider.getByTestId('rates-page'), 'data-within', '110105');
    await outsider.getByTestId('rates-within').getByText('朝阳区', { exact: true }).waitFor();
    assert.match(await outsider.getByTestId('rates-within').innerText(), /全市[\s\S]*朝阳区/);
    const jianwai = await row(outsider, '110105001');
    await waitForAttribute(jianwai, 'data-cases', '1');
    assert.deepEqual(await jianwai.locator('[data-col]').allInnerTexts(), ['100.0%', '100.0%', '100.0%', '100.0']);
    await jianwai.click();
    await outsider.getByTestId('rates-cases-forbidden').waitFor();
    await closePage(outsider);

    const own = await openPage(env.browser, DESKTOP);
    await signIn(own, env.server.url, '/zhi/login', 'jianwai.officer');
    await own.goto(`${env.server.url}/zhi/rates?level=street&within=110105`);
    await (await row(own, '110105001')).click();
    const cases = own.getByTestId('rates-cases');
    await waitForAttribute(cases, 'data-count', '1');
    const mine = await (await apiSession(env.server.url, 'jianwai.officer')).get<{ items: CaseJson[] }>('/api/v1/cases?scope=unit');
    assert.equal(await cases.getByTestId('rates-case').getAttribute('data-number'), mine.items[0]!.number);
    await closePage(own);
  });

  it('switches to the agencies of the district and to last month', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/zhi/login', 'muni.officer');
    await page.goto(`${env.server.url}/zhi/rates?level=street&within=110105`);
    await page.getByTestId('rates-level-agency').click();
    await waitForAttribute(page.getByTestId('rates-page'), 'data-level', 'agency');
    const urban = await row(page, '110105A03');
    await waitForAttribute(urban, 'data-cases', '1');
    assert.deepEqual(await urban.locator('[data-col]').allInnerTexts(), ['100.0%', '—', '—', '30.0']);
    assert.equal(await page.getByTestId('rates-table').getAttribute('data-count'), '16', '朝阳区 has 16 agencies (apps/server/data/agencies.json)');

    await page.getByTestId('rates-month').click();
    await pickOption(page, previousMonth(beijingMonth()));
    await waitForAttribute(page.getByTestId('rates-page'), 'data-month', previousMonth(beijingMonth()));
    await waitForAttribute(await row(page, '110105A03'), 'data-cases', '0');
    await waitForAttribute(page.getByTestId('rates-chart'), 'data-bar-count', '0');
    await page.getByText('本月暂无已受理的诉求').waitFor();
    await closePage(page);
  });

  it('works on a 375 px phone', async () => {
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/zhi/login', 'muni.officer');
    await page.goto(`${env.server.url}/zhi/rates`);
    await waitForAttribute(await row(page, '110105'), 'data-rank', '1');
    await assertNoHorizontalOverflow(page);
    await closePage(page);
  });
});
