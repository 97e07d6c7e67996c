import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closePage, DESKTOP, openPage, pageErrors, PHONE, signIn, waitForAttribute } from '../browser.ts';
import { e2eEnvironment } from '../setup.ts';
import { storyEngines } from '../harness.ts';
import { apiSession, ratesRow, type CaseJson } from '../api.ts';
import { fillNoiseReport, GUOMAO, pickOption, submitReport, takeAction } from '../cases.ts';

const JIANWAI = '110105001';
const URBAN = '110105A03';

/** Waits until the case page shows the case in a status (after an action or a reload). */
async function caseStatus(page: Page, status: string): Promise<void> {
  await waitForAttribute(page.getByTestId('case-page'), 'data-status', status);
}

// The "done means" story: in the browser on both SQL engines.
for (const engine of storyEngines()) {
  describe(`接诉即办 end to end: a noise complaint from the map to the league table [${engine}]`, () => {
    const env = e2eEnvironment(engine);
    // The story runs in order; each step starts from where the last one left the case.
    let caseId = '';
    let number = '';

    it('a resident reports construction noise at 国贸 on the map, picks 建外街道 when asked, and gets a tracking number', async () => {
      const api = await apiSession(env.server.url, 'resident.zhang');
      const before = await ratesRow(api, 'street', JIANWAI, '110105');
      assert.equal(before.cases, 0, 'a fresh city has no requests for 建外街道 this month');

      const page = await openPage(env.browser, PHONE);
      await signIn(page, env.server.url, '/login', 'resident.zhang');
      await page.goto(`${env.server.url}/`);
      await page.getByTestId('tile-hotline').click();
      await page.getByTestId('cases-new').click();
      await fillNoiseReport(page, '工地夜间施工噪音扰民，每晚持续到凌晨两点');
      number = await submitReport(page);
      assert.match(number, /^12345-\d{8}-\d{6}$/);

      const mine = await api.get<{ items: CaseJson[] }>('/api/v1/cases');
      const created = mine.items.find((c) => c.number === number);
      assert.ok(created, 'the number shown is the resident’s new case');
      caseId = created.id;
      assert.equal(created.category.code, 'noise_construction');
      assert.equal(created.type, 'complaint');
      assert.equal(created.handler?.code, JIANWAI, 'dispatched straight to the street (直派)');
      assert.equal(created.district?.code, '110105');
      assert.ok(Math.abs(created.location!.lng - GUOMAO.lng) < 0.0002 && Math.abs(created.location!.lat - GUOMAO.lat) < 0.0002);
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });

    it('lands in 建外街道’s inbox; the street signs for it, contacts the resident and whistles the urban-management agency', async () => {
      const page = await openPage(env.browser, DESKTOP);
      await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
      await page.waitForURL((url) => url.pathname === '/ban/inbox');
      const item = page.locator(`[data-testid="inbox-item"][href="/ban/cases/${caseId}"]`);
      assert.match(await item.innerText(), /施工噪音扰民/);
      await item.click();
      await page.waitForURL((url) => url.pathname === `/ban/cases/${caseId}`);
      assert.equal(await page.getByTestId('case-number').innerText(), number);
      assert.equal(await page.getByTestId('case-reporter').innerText(), '张伟');

      await page.getByTestId('action-sign').click();
      await caseStatus(page, 'signed');
      await takeAction(page, 'contact', async () => {
        await page.getByTestId('field-method').getByText('电话').click();
        await page.getByTestId('field-note').fill('已电话联系张先生，约定今晚到现场核实');
      });
      await caseStatus(page, 'contacted');
      await takeAction(page, 'whistle', async () => {
        await page.getByTestId('field-agencies').click();
        await pickOption(page, '朝阳区城市管理委员会');
        await page.keyboard.press('Escape');
        await page.getByTestId('field-note').fill('工地夜间违规施工，请城管委到场执法');
      });
      await waitForAttribute(page.getByTestId(`checkin-${URBAN}`), 'data-checked-in', 'false');
      assert.match(await page.getByTestId('case-timeline').innerText(), /吹哨[\s\S]*请城管委到场执法/);

      const c = await (await apiSession(env.server.url, 'jianwai.officer')).get<CaseJson>(`/api/v1/cases/${caseId}`);
      assert.equal(c.status, 'contacted');
      assert.deepEqual(c.participants.map((p) => [p.unit.code, p.role]), [[URBAN, 'summoned']]);
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });

    it('the agency (cy.urban) finds the summons in its inbox and checks in (报到)', async () => {
      const page = await openPage(env.browser, DESKTOP);
      await signIn(page, env.server.url, '/ban/login', 'cy.urban');
      await page.locator(`[data-testid="inbox-item"][data-kind="case.checkin"][href="/ban/cases/${caseId}"]`).click();
      await caseStatus(page, 'contacted');
      await takeAction(page, 'checkin', () => page.getByTestId('field-note').fill('执法队员已到场'));
      await waitForAttribute(page.getByTestId(`checkin-${URBAN}`), 'data-checked-in', 'true');
      // Checked in, the agency stays on the case but leads nothing: only its handling record remains.
      await waitForAttribute(page.getByTestId('case-actions'), 'data-actions', 'note');

      const c = await (await apiSession(env.server.url, 'cy.urban')).get<CaseJson>(`/api/v1/cases/${caseId}`);
      assert.ok(c.participants[0]?.checkedInAt, 'the check-in is recorded');
      await closePage(page);
    });

    it('the street replies and scores the agency; the resident sees the reply and rates it', async () => {
      const street = await openPage(env.browser, DESKTOP);
      await signIn(street, env.server.url, '/ban/login', 'jianwai.officer');
      await street.goto(`${env.server.url}/ban/cases/${caseId}`);
      await takeAction(street, 'reply', async () => {
        await street.getByTestId('field-text').fill('已会同城管委责令施工单位停止夜间施工，并安排夜间巡查');
        await street.getByTestId('field-resolved').getByText('已解决').click();
      });
      await caseStatus(street, 'replied');
      await takeAction(street, 'score', async () => {
        await street.getByTestId('field-score').locator('li').nth(3).click();
      });
      await waitForAttribute(street.getByTestId('case-actions'), 'data-actions', '');
      await closePage(street);

      const page = await openPage(env.browser, PHONE);
      await signIn(page, env.server.url, '/login', 'resident.zhang');
      await page.goto(`${env.server.url}/cases`);
      await page.locator(`[data-testid="my-case"][data-number="${number}"]`).click();
      await waitForAttribute(page.getByTestId('case-status'), 'data-status', 'replied');
      assert.match(await page.getByTestId('case-timeline').innerText(), /答复[\s\S]*已解决：已会同城管委/);
      await page.getByTestId('rating-contacted').getByText('是').click();
      await page.getByTestId('rating-resolved').getByText('是').click();
      await page.getByTestId('rating-satisfaction').getByText('非常满意', { exact: true }).click();
      await page.getByTestId('rating-comment').fill('处理及时，谢谢！');
      await page.getByTestId('rating-submit').click();
      await waitForAttribute(page.getByTestId('rating-given'), 'data-satisfaction', 'very_satisfied');
      await waitForAttribute(page.getByTestId('case-status'), 'data-status', 'closed');

      const c = await (await apiSession(env.server.url, 'resident.zhang')).get<CaseJson>(`/api/v1/cases/${caseId}`);
      assert.equal(c.status, 'closed');
      assert.deepEqual(c.rating, { contacted: true, resolved: true, satisfaction: 'very_satisfied' });
      assert.equal(c.participants[0]?.score, 4);
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });

    it('moves the 京智 league table: 建外街道’s row shows the case and its three rates, and lists the case', async () => {
      const api = await apiSession(env.server.url, 'jianwai.officer');
      const row = await ratesRow(api, 'street', JIANWAI, '110105');
      assert.deepEqual([row.cases, row.responseRate, row.resolutionRate, row.satisfactionRate, row.score, row.rank], [1, 1, 1, 1, 100, 1]);

      const page = await openPage(env.browser, DESKTOP);
      await signIn(page, env.server.url, '/zhi/login', 'jianwai.officer');
      await page.getByTestId('nav-zhi-rates').click();
      const table = page.getByTestId('rates-table');
      await waitForAttribute(table, 'data-loading', 'false');
      const district = page.getByTestId('rates-row-110105');
      assert.equal(await district.getAttribute('data-rank'), '1');
      await district.click();
      await waitForAttribute(page.getByTestId('rates-page'), 'data-within', '110105');
      const street = page.getByTestId(`rates-row-${JIANWAI}`);
      await waitForAttribute(street, 'data-cases', '1');
      assert.equal(await street.getAttribute('data-rank'), '1');
      assert.deepEqual(await street.locator('[data-col]').allInnerTexts(), ['100.0%', '100.0%', '100.0%', '100.0']);
      await waitForAttribute(page.getByTestId('rates-chart'), 'data-bar-count', '1');

      await street.click();
      await page.locator(`[data-testid="rates-case"][data-number="${number}"]`).waitFor();
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });
  });
}
