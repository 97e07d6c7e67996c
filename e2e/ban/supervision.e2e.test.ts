import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, DESKTOP, openPage, pageErrors, pickUnit, signIn, waitForAttribute } from '../browser.ts';
import { e2eEnvironment } from '../setup.ts';
import { apiSession } from '../api.ts';
import { takeAction } from '../cases.ts';

interface TaskJson {
  id: string;
  title: string;
  assignments: { id: string; unit: { code: string }; status: string; score: number | null; events?: { type: string; text: string | null }[] }[];
}

const TITLE = '开展建筑工地夜间施工专项整治';

describe('京办 Ban 督办 supervision', () => {
  const env = e2eEnvironment();
  let taskId = '';

  it('lets the district officer create a task and assign it to 建外街道 picked by search', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'chaoyang.officer');
    await page.getByTestId('nav-supervision').click();
    await page.getByTestId('supervision-new').click();
    await page.getByTestId('task-name').fill(TITLE);
    await page.getByTestId('task-description').fill('对辖区在建工地开展夜间施工专项检查，发现问题立即整改。');
    await pickUnit(page, 'task-units', '建外', '110105001', '建外街道');
    await page.keyboard.press('Escape');
    await page.getByTestId('task-submit').click();
    await page.waitForURL((url) => /^\/ban\/supervision\/[0-9a-f-]{36}$/.test(url.pathname));
    taskId = new URL(page.url()).pathname.split('/').pop()!;
    assert.equal(await page.getByTestId('task-title').innerText(), TITLE);
    await waitForAttribute(page.getByTestId('assignment-110105001'), 'data-status', 'assigned');

    const task = await (await apiSession(env.server.url, 'chaoyang.officer')).get<TaskJson>(`/api/v1/supervision/tasks/${taskId}`);
    assert.deepEqual(task.assignments.map((a) => [a.unit.code, a.status]), [['110105001', 'assigned']]);
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('lets 建外街道 open it from its inbox, accept it, report progress and report it done', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    await page.locator(`[data-testid="inbox-item"][data-kind="supervision.handle"][href="/ban/supervision/${taskId}"]`).click();
    const card = page.getByTestId('assignment-110105001');
    await waitForAttribute(card, 'data-status', 'assigned');
    // A street has no supervisor powers: no create button, no issuer steps.
    assert.equal(await page.getByTestId('action-close').count(), 0);
    await page.getByTestId('action-accept').click();
    await waitForAttribute(card, 'data-status', 'accepted');
    await takeAction(page, 'progress', () => page.getByTestId('field-text').fill('已排查 12 处工地，3 处正在整改'));
    await takeAction(page, 'report', () => page.getByTestId('field-text').fill('专项整治完成：12 处工地全部检查，3 处问题已整改'));
    await waitForAttribute(card, 'data-status', 'reported');
    await card.locator('[data-event="report"]').waitFor();

    await page.getByTestId('nav-supervision').click();
    assert.equal(await page.getByTestId('supervision-new').count(), 0);
    await closePage(page);
  });

  it('lets the district officer close (销号) and evaluate it, and counts it in the statistics', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'chaoyang.officer');
    await page.locator(`[data-testid="inbox-item"][data-kind="supervision.verify"][href="/ban/supervision/${taskId}"]`).click();
    const card = page.getByTestId('assignment-110105001');
    await waitForAttribute(card, 'data-status', 'reported');
    await takeAction(page, 'close', () => page.getByTestId('field-comment').fill('经核查，整改到位，同意销号'));
    await waitForAttribute(card, 'data-status', 'closed');
    await takeAction(page, 'evaluate');
    await card.getByTestId('assignment-score').getByText('考评 5 分').waitFor();

    const task = await (await apiSession(env.server.url, 'chaoyang.officer')).get<TaskJson>(`/api/v1/supervision/tasks/${taskId}`);
    const a = task.assignments[0]!;
    assert.equal(a.status, 'closed');
    assert.equal(a.score, 5);
    assert.deepEqual(a.events?.map((e) => e.type), ['assign', 'accept', 'progress', 'report', 'close', 'evaluate']);

    await page.getByTestId('nav-supervision').click();
    await page.getByTestId('supervision-stats-link').click();
    const stats = page.getByTestId('supervision-stats');
    await waitForAttribute(stats, 'data-loading', 'false');
    const row = stats.locator('tr', { hasText: '建外街道' });
    // Besides this task, the demo city gives 建外街道 one open task: the 一微克 micro-sensor hotspot alert.
    assert.deepEqual((await row.locator('td').allInnerTexts()).slice(0, 7), ['建外街道', '2', '1', '0', '1', '1', '100.0%']);

    // Closed, the task leaves the open list and shows under 已销号.
    await page.getByTestId('nav-supervision').click();
    await page.getByTestId('supervision-tab-issued').click();
    await waitForAttribute(page.getByTestId('supervision-table'), 'data-loading', 'false');
    assert.equal(await page.locator(`[data-testid="supervision-task"][data-id="${taskId}"]`).count(), 0);
    await page.getByTestId('supervision-filter').getByText('已销号').click();
    await page.locator(`[data-testid="supervision-task"][data-id="${taskId}"]`).waitFor();
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });
});
