import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closePage, DESKTOP, openPage, pageErrors, PHONE, signIn, waitForAttribute } from '../browser.ts';
import { assertNoHorizontalOverflow, e2eEnvironment } from '../setup.ts';
import { storyEngines } from '../harness.ts';
import { apiSession } from '../api.ts';
import { PDF, pickOption, PNG } from '../cases.ts';

const HALL = 'cy-district';
const RESIDENCE = 'BJ-GA-XK-0101';

/** The window console in 京办: the clerk picks the hall and window 1. */
async function openConsole(page: Page, baseUrl: string): Promise<void> {
  await signIn(page, baseUrl, '/ban/login', 'cy.hall.clerk');
  await page.goto(`${baseUrl}/ban/hall-console`);
  await page.getByTestId('console-hall').click();
  await pickOption(page, '朝阳区政务服务中心');
  await page.getByTestId('console-window').click();
  await pickOption(page, '1号窗口');
  await page.getByTestId('console-window-card').waitFor();
}

// The "done means" story: in the browser on both SQL engines.
for (const engine of storyEngines()) {
  describe(`京通 Tong 政务服务大厅: booking, queueing, being served and rating the visit [${engine}]`, () => {
    const env = e2eEnvironment(engine);

    before(async () => {
      // The demo hall keeps office hours; open it round the clock so the story runs whenever the tests do.
      const admin = await apiSession(env.server.url, 'cy.service.admin');
      const hall = await admin.get<{ version: number }>(`/api/v1/halls/${HALL}`);
      await admin.patch(`/api/v1/halls/${HALL}`, { version: hall.version, hours: { days: 'every_day', opens: '00:00', closes: '24:00', note: null }, slotMinutes: 30 });
    });

    it('A business books a hall appointment, takes a ticket, is called to a window and served there, then rates the visit', async () => {
      const biz = await openPage(env.browser, PHONE);
      await signIn(biz, env.server.url, '/login', 'biz.owner');
      await biz.goto(`${env.server.url}/me`);
      await biz.getByTestId('act-as-switch').click();
      await biz.locator('.ant-select-item-option', { hasText: '北京京通示范科技有限公司' }).click();
      await biz.getByTestId('acting-banner').waitFor();

      // Find the hall and book the first slot with seats left.
      await biz.goto(`${env.server.url}/halls`);
      await biz.getByTestId(`hall-${HALL}`).click();
      await waitForAttribute(biz.getByTestId('hall-open'), 'data-open', 'true');
      const slot = biz.locator('[data-testid^="slot-"][data-bookable="true"]').first();
      const seatsBefore = Number(await slot.getAttribute('data-remaining'));
      assert.ok(seatsBefore > 0);
      await slot.click();
      await assertNoHorizontalOverflow(biz);
      await biz.getByTestId('booking-submit').click();
      const code = (await biz.getByTestId('booking-code').innerText()).trim().slice(0, 6);
      assert.match(code, /^[A-Z0-9]{6}$/);

      // On arrival: the appointment code gives a priority ticket.
      await biz.getByTestId('ticket-code').fill(code);
      await biz.getByTestId('ticket-with-code').click();
      await biz.getByTestId('ticket-page').waitFor();
      assert.equal(await biz.getByTestId('ticket-label').innerText(), 'Y001');
      await waitForAttribute(biz.getByTestId('ticket-page'), 'data-status', 'waiting');

      // The clerk calls the next ticket to window 1 and starts serving.
      const clerk = await openPage(env.browser, DESKTOP);
      await openConsole(clerk, env.server.url);
      await clerk.getByTestId('console-call-next').click();
      await waitForAttribute(clerk.getByTestId('console-visit'), 'data-ticket', 'Y001');

      // The business sees where to go, and so does the public call screen.
      await waitForAttribute(biz.getByTestId('ticket-window'), 'data-window', '1');
      const screen = await openPage(env.browser, DESKTOP);
      await screen.goto(`${env.server.url}/halls/${HALL}/screen`);
      await waitForAttribute(screen.getByTestId('screen-latest'), 'data-ticket', 'Y001');
      assert.ok(!(await screen.getByTestId('hall-screen').innerText()).includes('北京京通示范科技有限公司'), 'no names on the screen');

      await clerk.getByTestId('console-serve').click();
      await waitForAttribute(clerk.getByTestId('console-visit'), 'data-status', 'serving');
      const start = clerk.getByTestId('console-start-application');
      assert.match((await start.getAttribute('href'))!, /^\/ban\/applications\/new\?visit=/);
      await clerk.getByTestId('console-finish').click();
      await waitForAttribute(clerk.getByTestId('console-visit'), 'data-status', 'finished');

      // Served: the business rates the visit (一次一评).
      await waitForAttribute(biz.getByTestId('ticket-page'), 'data-status', 'finished');
      await biz.getByTestId('rating-form').waitFor();
      await biz.getByTestId('rating-level-very_satisfied').click();
      await biz.getByTestId('rating-dim-attitude').click();
      await pickOption(biz, '非常满意');
      await biz.getByTestId('rating-comment').fill('预约后优先叫号，窗口办理很快');
      await assertNoHorizontalOverflow(biz);
      await biz.getByTestId('rating-submit').click();
      await waitForAttribute(biz.getByTestId('rating-given'), 'data-level', 'very_satisfied');

      const appointments = await apiSession(env.server.url, 'cy.service.admin');
      const stats = await appointments.get<{ items: { key: string; count: number }[] }>('/api/v1/ratings/stats?by=hall');
      assert.equal(stats.items.find((i) => i.key === HALL)?.count, 1);
      for (const p of [biz, clerk, screen]) {
        assert.deepEqual(pageErrors(p), []);
        await closePage(p);
      }
    });

    it('rating a visit 不满意 opens a rectification task that the unit answers with a callback and an outcome', async () => {
      // Arrange a finished walk-in visit of resident.zhang through the API.
      const zhangApi = await apiSession(env.server.url, 'resident.zhang');
      const clerkApi = await apiSession(env.server.url, 'cy.hall.clerk');
      const ticket = await zhangApi.post<{ id: string; label: string }>(`/api/v1/halls/${HALL}/tickets`, {});
      const hall = await clerkApi.get<{ windows: { id: string; number: number }[] }>(`/api/v1/halls/${HALL}`);
      let visit = await clerkApi.post<{ id: string; version: number; ticket: string }>(`/api/v1/halls/windows/${hall.windows.find((w) => w.number === 2)!.id}/call-next`);
      assert.equal(visit.ticket, ticket.label);
      visit = await clerkApi.post(`/api/v1/halls/visits/${visit.id}/serve`, { version: visit.version });
      visit = await clerkApi.post(`/api/v1/halls/visits/${visit.id}/finish`, { version: visit.version });

      const zhang = await openPage(env.browser, PHONE);
      await signIn(zhang, env.server.url, '/login', 'resident.zhang');
      await zhang.goto(`${env.server.url}/halls/tickets/${ticket.id}`);
      await zhang.getByTestId('rating-form').waitFor();
      await zhang.getByTestId('rating-level-dissatisfied').click();
      await zhang.getByTestId('rating-comment').fill('排队等了一个多小时，窗口只开了一个');
      await zhang.getByTestId('rating-submit').click();
      await waitForAttribute(zhang.getByTestId('rating-rectification'), 'data-status', 'open');

      // The unit (朝阳区政务服务和数据管理局, which runs the hall) gets the 督办 task in its inbox.
      const unit = await openPage(env.browser, DESKTOP);
      await signIn(unit, env.server.url, '/ban/login', 'cy.hall.clerk');
      await unit.goto(`${env.server.url}/ban/inbox`);
      await unit.getByTestId('inbox-item').filter({ hasText: '差评整改' }).first().click();
      await unit.getByTestId('task-rating-link').click();
      await unit.getByTestId('rectification-page').waitFor();
      await waitForAttribute(unit.getByTestId('rectification-page'), 'data-status', 'open');

      await unit.getByTestId('callback-text').fill('已电话联系张先生，说明当日窗口人员病假，表示歉意');
      await unit.getByTestId('callback-submit').click();
      await unit.getByTestId('rect-callback').first().waitFor();
      assert.match(await unit.getByTestId('rect-callback').first().innerText(), /林晓/);

      await unit.getByTestId('outcome-kind').getByText('立行立改').click();
      await unit.getByTestId('outcome-text').fill('高峰时段增开两个综合窗口，已于次日落实');
      await unit.getByTestId('outcome-submit').click();
      await waitForAttribute(unit.getByTestId('rectification-page'), 'data-status', 'rectified');

      // The 督办 task is reported for 销号, and the rater sees the outcome.
      const ratings = await zhangApi.get<{ items: { rectification: { status: string; outcome: { kind: string } | null } | null }[] }>('/api/v1/ratings/mine');
      assert.deepEqual([ratings.items[0]!.rectification!.status, ratings.items[0]!.rectification!.outcome!.kind], ['rectified', 'fixed_now']);
      const supervisor = await apiSession(env.server.url, 'chaoyang.officer');
      const issued = await supervisor.get<{ items: { source: string; assignments: { status: string }[] }[] }>('/api/v1/supervision/tasks?role=issued&status=all');
      assert.equal(issued.items.find((x) => x.source === 'rating')?.assignments[0]?.status, 'reported');
      await zhang.reload();
      await waitForAttribute(zhang.getByTestId('rating-rectification'), 'data-status', 'rectified');
      for (const p of [zhang, unit]) {
        assert.deepEqual(pageErrors(p), []);
        await closePage(p);
      }
    });

    it('a clerk starts an application at the window for a walk-in who shows an ID card; it is linked to the visit and counts for the item', async () => {
      const zhangApi = await apiSession(env.server.url, 'resident.zhang');
      const idNumber = (await zhangApi.get<{ values: { idNumber: string } }>(`/api/v1/applications/prefill?itemCode=${RESIDENCE}`)).values.idNumber;
      const ticket = await zhangApi.post<{ label: string }>(`/api/v1/halls/${HALL}/tickets`, {});

      const clerk = await openPage(env.browser, DESKTOP);
      await openConsole(clerk, env.server.url);
      await clerk.getByTestId('console-call-next').click();
      await waitForAttribute(clerk.getByTestId('console-visit'), 'data-ticket', ticket.label);
      await clerk.getByTestId('console-serve').click();
      await waitForAttribute(clerk.getByTestId('console-visit'), 'data-status', 'serving');
      await clerk.getByTestId('console-start-application').click();

      // 窗口收件: the page knows the visit; the clerk types the number from the ID card and the item.
      await clerk.getByTestId('new-application-page').waitFor();
      assert.match(await clerk.getByTestId('hall-visit').innerText(), new RegExp(`${ticket.label}.*张伟`));
      await clerk.getByTestId('hall-visitor').fill(idNumber);
      await clerk.getByTestId('hall-item').fill(RESIDENCE);
      await clerk.getByTestId('hall-load').click();
      await clerk.getByTestId('apply-form').waitFor();
      assert.equal(await clerk.getByTestId('hall-applicant').innerText(), '申请人：张伟');
      await clerk.getByTestId('situation-employment').click();
      await clerk.getByTestId('field-phone').fill('13800138000');
      await clerk.getByTestId('field-address').fill('北京市朝阳区建国路1号');
      await clerk.getByTestId('field-registeredSince').fill('2025-01-02');
      for (const [material, name, type, body] of [['id_card', 'id.png', 'image/png', PNG], ['photo', 'photo.png', 'image/png', PNG], ['employment_proof', 'contract.pdf', 'application/pdf', PDF]] as const) {
        if ((await clerk.getByTestId(`material-${material}`).getAttribute('data-ready')) === 'true') continue;
        await clerk.getByTestId(`material-${material}-file`).setInputFiles({ name, mimeType: type, buffer: body });
        await waitForAttribute(clerk.getByTestId(`material-${material}`), 'data-ready', 'true');
      }
      await clerk.getByTestId('apply-submit').click();
      await clerk.getByTestId('application-page').waitFor();
      const applicationId = decodeURIComponent(clerk.url().split('/').pop()!);

      // One record: the visit carries the application and, as the ticket named no item, its item.
      const clerkApi = await apiSession(env.server.url, 'cy.hall.clerk');
      const hall = await clerkApi.get<{ windows: { number: number; current: { visitId: string } | null }[] }>(`/api/v1/halls/${HALL}`);
      const visitId = hall.windows.find((w) => w.number === 1)!.current!.visitId;
      const visit = await clerkApi.get<{ applicationId: string | null; itemCode: string | null }>(`/api/v1/halls/visits/${visitId}`);
      assert.deepEqual([visit.applicationId, visit.itemCode], [applicationId, RESIDENCE]);
      const mine = await zhangApi.get<{ items: { id: string }[] }>('/api/v1/applications');
      assert.ok(mine.items.some((a) => a.id === applicationId), 'the visitor sees it in 我的办件');
      assert.deepEqual(pageErrors(clerk), []);
      await closePage(clerk);
    });
  });
}
