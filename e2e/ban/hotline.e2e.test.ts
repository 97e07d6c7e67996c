import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closePage, DESKTOP, openPage, pageErrors, pickUnit, signIn, waitForAttribute } from '../browser.ts';
import { e2eEnvironment } from '../setup.ts';
import { storyEngines } from '../harness.ts';
import { apiSession, type CaseJson } from '../api.ts';
import { GUOMAO, pickCategory, pickOption, takeAction } from '../cases.ts';

const CALLER_PHONE = '13800138000';

/**
 * Takes one call on the console: the caller first (typed into the focused
 * name field, Tab to the number, as an operator does) — waiting until the
 * caller's earlier requests are shown — then the request.
 */
async function takeCall(page: Page, call: { type: string; group: string; leaf: string; description: string; earlier: number }): Promise<string> {
  await page.keyboard.type('王先生');
  await page.keyboard.press('Tab');
  await page.keyboard.type(CALLER_PHONE);
  await waitForAttribute(page.getByTestId('hotline-history'), 'data-count', String(call.earlier));
  await page.getByTestId('hotline-type').click();
  await pickOption(page, call.type);
  await pickCategory(page, page.getByTestId('hotline-category'), call.group, call.leaf);
  await pickUnit(page, 'hotline-street', '建外', '110105001', '建外街道');
  await page.getByTestId('hotline-description').fill(call.description);
  // Ctrl+Enter submits from the description, without reaching for the mouse.
  await page.getByTestId('hotline-description').press('Control+Enter');
  const number = page.getByTestId('hotline-number');
  await number.waitFor();
  return /12345-\d{8}-\d{6}/.exec(await number.innerText())![0];
}

// The "done means" story: in the browser on both SQL engines.
for (const engine of storyEngines()) {
  describe(`京办 Ban 12345 console and dispatch centre [${engine}]`, () => {
    const env = e2eEnvironment(engine);

    it('takes a phone call keyboard-first, answers a consultation on the spot, and shows the caller’s earlier case on the next call', async () => {
      const page = await openPage(env.browser, DESKTOP);
      await signIn(page, env.server.url, '/ban/login', 'hotline.operator');
      await page.getByTestId('nav-hotline').click();
      await page.getByTestId('hotline-form').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'hotline-name', 'focus starts on the caller’s name');

      const first = await takeCall(page, { type: '咨询', group: '政务与其他', leaf: '政务服务', description: '请问居民身份证换领在哪里办理？', earlier: 0 });
      await page.getByTestId('hotline-answer-text').fill('可到朝阳区政务服务中心或就近派出所办理，需本人到场。');
      await page.getByTestId('hotline-answer-submit').click();
      await page.getByTestId('hotline-answered').waitFor();
      await waitForAttribute(page.getByTestId('hotline-result'), 'data-status', 'answered');

      await page.getByTestId('hotline-next').click();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'hotline-name', 'focus is back on the name for the next call');
      const history = page.getByTestId('hotline-history');
      const second = await takeCall(page, { type: '投诉', group: '城市管理', leaf: '施工噪音扰民', description: '建外SOHO附近工地夜间施工，噪音很大', earlier: 1 });
      // Before the second case was taken, the first one was shown, answered.
      await waitForAttribute(history, 'data-count', '2');
      const shown = history.getByTestId('hotline-history-item');
      assert.deepEqual((await shown.evaluateAll((items) => items.map((i) => i.getAttribute('data-number')))).sort(), [first, second].sort());
      assert.match(await history.locator(`[data-number="${first}"]`).innerText(), /已直接答复/);

      const operator = await apiSession(env.server.url, 'hotline.operator');
      const calls = await operator.get<{ items: CaseJson[] }>(`/api/v1/cases?callerPhone=${CALLER_PHONE}`);
      assert.deepEqual(calls.items.map((c) => [c.number, c.status]).sort(), [[first, 'answered'], [second, 'dispatched']].sort());
      const taken = calls.items.find((c) => c.number === second)!;
      assert.equal(taken.handler?.code, '110105001');
      assert.deepEqual(taken.reporter, { name: '王先生', phoneMasked: '138****8000' });
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });

    it('answers a consultation from the knowledge base without leaving the keyboard, citing the entry (知识库)', async () => {
      const page = await openPage(env.browser, DESKTOP);
      await signIn(page, env.server.url, '/ban/login', 'hotline.operator');
      await page.goto(`${env.server.url}/ban/hotline`);
      await page.getByTestId('hotline-form').waitFor();
      await page.keyboard.type('孙女士');
      await page.keyboard.press('Tab');
      await page.keyboard.type('13600136000');
      await page.getByTestId('hotline-type').click();
      await pickOption(page, '咨询');
      await pickCategory(page, page.getByTestId('hotline-category'), '住房物业', '供暖不热');
      await pickUnit(page, 'hotline-street', '建外', '110105001', '建外街道');
      await page.getByTestId('hotline-description').fill('请问北京今年的供暖季从什么时候开始？');
      await page.getByTestId('hotline-description').press('Control+Enter');

      // The knowledge base is searched with the caller's words; focus waits in its search box.
      const first = page.getByTestId('kb-result').first();
      await first.getByText('北京的供暖季是什么时候？').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'kb-search');
      const kbId = (await first.getAttribute('data-id'))!;
      // Tab to the first answer's insert button, Enter inserts it and moves to the answer; Ctrl+Enter sends.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'kb-insert');
      await page.keyboard.press('Enter');
      await waitForAttribute(page.getByTestId('hotline-cited'), 'data-id', kbId);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'hotline-answer-text');
      assert.match(await page.getByTestId('hotline-answer-text').inputValue(), /供暖/);
      await page.keyboard.press('Control+Enter');
      await waitForAttribute(page.getByTestId('hotline-result'), 'data-status', 'answered');

      const operator = await apiSession(env.server.url, 'hotline.operator');
      const [taken] = (await operator.get<{ items: CaseJson[] }>('/api/v1/cases?callerPhone=13600136000')).items;
      const full = await operator.get<CaseJson>(`/api/v1/cases/${taken!.id}`);
      assert.equal(full.status, 'answered');
      assert.ok(full.events.at(-1)?.text?.includes(`[知识库 ${kbId}]`), 'the answer cites the entry it came from');
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });

    it('lets an agency return a case that is not its duty (退单), and the dispatch centre send it on to a unit found by search (派单)', async () => {
      // A street-light call goes to the district's urban-management agency.
      const operator = await apiSession(env.server.url, 'hotline.operator');
      const call = { type: 'help', categoryCode: 'street_lights', description: '建国门外大街路灯不亮', streetCode: '110105001', caller: { name: '李女士', phone: '13900139000' } };
      const created = await operator.post<CaseJson>('/api/v1/cases', call);
      assert.equal(created.handler?.code, '110105A03');

      const agency = await openPage(env.browser, DESKTOP);
      await signIn(agency, env.server.url, '/ban/login', 'cy.urban');
      await agency.locator(`[data-testid="inbox-item"][data-kind="case.handle"][href="/ban/cases/${created.id}"]`).click();
      await waitForAttribute(agency.getByTestId('case-page'), 'data-status', 'dispatched');
      await takeAction(agency, 'return', () => agency.getByTestId('field-reason').fill('该路段路灯由街道管理，非本部门职责'));
      await waitForAttribute(agency.getByTestId('case-page'), 'data-status', 'returned');
      assert.equal(await agency.getByTestId('case-handler').innerText(), '北京市市民热线服务中心');
      await closePage(agency);

      const page = await openPage(env.browser, DESKTOP);
      await signIn(page, env.server.url, '/ban/login', 'dispatch.centre');
      await page.locator(`[data-testid="inbox-item"][data-kind="case.redispatch"][href="/ban/cases/${created.id}"]`).click();
      await waitForAttribute(page.getByTestId('case-page'), 'data-status', 'returned');
      assert.match(await page.getByTestId('case-timeline').innerText(), /退单[\s\S]*非本部门职责/);
      await takeAction(page, 'dispatch', async () => {
        await pickUnit(page, 'field-unitCode', '建外', '110105001', '建外街道');
        await page.getByTestId('field-comment').fill('路灯属街道管理，请街道办理');
      });
      await waitForAttribute(page.getByTestId('case-page'), 'data-status', 'dispatched');
      assert.equal(await page.getByTestId('case-handler').innerText(), '建外街道');

      const after = await operator.get<CaseJson>(`/api/v1/cases/${created.id}`);
      assert.equal(after.handler?.code, '110105001');
      assert.deepEqual(after.events.map((e) => e.type), ['submit', 'dispatch', 'return', 'dispatch']);
      await closePage(page);
    });

    it('lets the dispatch centre merge a flagged duplicate into the suggested case (合并), refusing a number that does not exist', async () => {
      const body = { type: 'complaint', categoryCode: 'noise_construction', description: '国贸附近工地夜间施工噪音', location: GUOMAO, streetCode: '110105001' };
      const first = await (await apiSession(env.server.url, 'resident.zhang')).post<CaseJson>('/api/v1/cases', body);
      const second = await (await apiSession(env.server.url, 'biz.owner')).post<CaseJson>('/api/v1/cases', { ...body, description: '同一工地又在夜间施工', location: { lng: GUOMAO.lng + 0.0005, lat: GUOMAO.lat } });
      assert.equal(second.duplicateOf, first.id);

      const page = await openPage(env.browser, DESKTOP);
      await signIn(page, env.server.url, '/ban/login', 'dispatch.centre');
      await page.goto(`${env.server.url}/ban/cases/${second.id}`);
      await waitForAttribute(page.getByTestId('case-duplicate'), 'data-number', first.number);
      await page.getByTestId('action-merge').click();
      await page.getByTestId('merge-suggested').getByText(first.number).waitFor();
      const into = page.getByTestId('field-into');
      assert.equal(await into.inputValue(), first.number, 'the suggested case is filled in');
      await into.fill('12345-20000101-000001');
      await page.getByTestId('action-submit').click();
      await page.locator('.ant-form-item', { has: into }).getByText('无法合并到该诉求').waitFor();
      await into.fill(first.number);
      await page.getByTestId('action-submit').click();
      await waitForAttribute(page.getByTestId('case-page'), 'data-status', 'merged');
      await waitForAttribute(page.getByTestId('case-merged-into'), 'data-number', first.number);
      assert.equal(await page.getByTestId('case-actions').getAttribute('data-actions'), '', 'nothing more to do on a merged case');

      // The surviving case links back to the one merged into it.
      await page.getByTestId('case-merged-into').click();
      await waitForAttribute(page.getByTestId('case-related'), 'data-number', second.number);
      assert.equal(await page.getByTestId('case-related').getAttribute('data-relation'), 'merged_from');
      assert.match(await page.getByTestId('case-timeline').innerText(), /并入本件/);
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });

    it('lets the dispatch centre split a call raising two problems (拆分): each part goes to its own handler and links back', async () => {
      const operator = await apiSession(env.server.url, 'hotline.operator');
      const x = await operator.post<CaseJson>('/api/v1/cases', { type: 'complaint', categoryCode: 'noise_construction', description: '工地夜间施工扰民，另外门口路灯坏了、垃圾也没人清运', streetCode: '110105001', caller: { name: '赵先生', phone: '13700137000' } });

      const page = await openPage(env.browser, DESKTOP);
      await signIn(page, env.server.url, '/ban/login', 'dispatch.centre');
      await page.goto(`${env.server.url}/ban/cases/${x.id}`);
      await waitForAttribute(page.getByTestId('case-page'), 'data-status', 'dispatched');
      await takeAction(page, 'split', async () => {
        await pickCategory(page, page.getByTestId('field-parts-0-categoryCode'), '城市管理', '路灯故障');
        await page.getByTestId('field-parts-0-description').fill('建国门外大街门口路灯不亮');
        await page.getByTestId('split-add').click();
        await pickCategory(page, page.getByTestId('field-parts-1-categoryCode'), '城市管理', '垃圾清运不及时');
        await page.getByTestId('field-parts-1-description').fill('小区门口垃圾两天没有清运');
        await pickUnit(page, 'field-parts-1-streetCode', '建外', '110105001', '建外街道');
      });
      const parts = page.locator('[data-testid="case-related"][data-relation="split_into"]');
      await parts.nth(1).waitFor();
      assert.equal(await parts.count(), 2);
      assert.equal(await page.getByTestId('case-status').getAttribute('data-status'), 'dispatched', 'the original case carries on with its own problem');

      const after = await operator.get<CaseJson>(`/api/v1/cases/${x.id}`);
      assert.equal(after.events.at(-1)?.type, 'split');
      const handlers = await Promise.all(after.related.map((r) => operator.get<CaseJson>(`/api/v1/cases/${r.id}`)));
      assert.deepEqual(handlers.map((c) => [c.category.code, c.handler?.code]).sort(), [['garbage_collection', '110105001'], ['street_lights', '110105A03']]);

      // A part links back to the case it was split from.
      await parts.first().click();
      await waitForAttribute(page.getByTestId('case-related'), 'data-relation', 'split_from');
      assert.equal(await page.getByTestId('case-related').getAttribute('data-number'), x.number);
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });

    it('shows the 12345 console in the menu only to accounts with cases.intake', async () => {
      const page = await openPage(env.browser, DESKTOP);
      await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
      await page.getByTestId('nav-inbox').waitFor();
      assert.equal(await page.getByTestId('nav-hotline').count(), 0);
      await page.goto(`${env.server.url}/ban/hotline`);
      await page.getByTestId('hotline-forbidden').waitFor();
      assert.equal(await page.getByTestId('hotline-form').count(), 0);
      await closePage(page);
    });
  });
}
