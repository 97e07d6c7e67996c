import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { closePage, DESKTOP, openPage, pageErrors, signIn, waitForAttribute } from '../browser.ts';
import { e2eEnvironment } from '../setup.ts';
import { apiSession } from '../api.ts';

/** Seconds from now to the task's deadline: the light turns yellow at 80% of the time (after 32 s), red after 40 s. */
const DUE_IN_S = 40;

describe('京办 Ban inbox traffic lights', () => {
  const env = e2eEnvironment();

  const openInbox = async (page: Page) => {
    await page.goto(`${env.server.url}/ban`);
    await waitForAttribute(page.getByTestId('inbox-table'), 'data-loading', 'false');
  };
  const waitUntil = async (instant: number) => {
    const ms = instant - Date.now();
    if (ms > 0) await sleep(ms);
  };

  it('turns a to-do green → yellow near its deadline → red once overdue: the row, the counts, the filters and the menu badge', async () => {
    const issuer = await apiSession(env.server.url, 'chaoyang.officer');
    const street = await apiSession(env.server.url, 'jianwai.officer');
    const task = await issuer.post<{ id: string }>('/api/v1/supervision/tasks', {
      title: '排查井盖缺失隐患',
      description: '请于期限内排查辖区主次干道井盖缺失、破损情况并上报',
      source: 'other',
      dueAt: new Date(Date.now() + DUE_IN_S * 1000).toISOString(),
      units: ['110105001'],
    });
    const link = `/ban/supervision/${task.id}`;
    const item = (await street.get<{ items: { link: string; createdAt: string; dueAt: string; light: string }[] }>('/api/v1/inbox?box=mine&limit=200')).items.find((i) => i.link === link);
    assert.ok(item, 'the task is in the street’s inbox');
    const created = Date.parse(item.createdAt);
    const due = Date.parse(item.dueAt);
    const yellowAt = created + (due - created) * 0.8;

    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    await openInbox(page);
    const row = page.locator('tr', { has: page.locator(`[data-testid="inbox-item"][href="${link}"]`) });
    const light = row.locator('[data-light]');
    const count = async (l: string) => Number(await page.getByTestId(`inbox-count-${l}`).getAttribute('data-count'));
    const badge = async () => Number((await page.getByTestId('nav-inbox-badge').getAttribute('data-count')) ?? 0);
    const shownUnder = async (l: string) => {
      await page.getByTestId(`inbox-filter-${l}`).click();
      await waitForAttribute(page.getByTestId('inbox-table'), 'data-loading', 'false');
      const n = await page.locator(`[data-testid="inbox-item"][href="${link}"]`).count();
      await page.getByTestId('inbox-filter-all').click();
      await waitForAttribute(page.getByTestId('inbox-table'), 'data-loading', 'false');
      return n === 1;
    };

    assert.ok(Date.now() < yellowAt, 'the page opened before the item turned yellow (machine too slow for this test)');
    assert.equal(await light.getAttribute('data-light'), 'green');
    assert.ok(await shownUnder('green'));
    assert.ok(!(await shownUnder('yellow')));
    const yellowBefore = await count('yellow');

    // Near the limit: yellow.
    await waitUntil(yellowAt + 500);
    await openInbox(page);
    assert.ok(Date.now() < due, 'the page reloaded before the deadline (machine too slow for this test)');
    assert.equal(await light.getAttribute('data-light'), 'yellow');
    assert.equal(await count('yellow'), yellowBefore + 1);
    assert.ok(await shownUnder('yellow'));
    assert.ok(!(await shownUnder('green')));
    await page.waitForFunction(() => !!document.querySelector('[data-testid="nav-inbox-badge"]')?.getAttribute('data-count'));
    assert.equal(await badge(), (await count('red')) + (await count('yellow')), 'the menu badge counts red and yellow items');

    // Past the deadline: red.
    const redBefore = await count('red');
    await waitUntil(due + 500);
    await openInbox(page);
    assert.equal(await light.getAttribute('data-light'), 'red');
    assert.equal(await count('red'), redBefore + 1);
    assert.equal(await count('yellow'), yellowBefore);
    assert.ok(await shownUnder('red'));
    assert.ok(!(await shownUnder('yellow')));
    await page.waitForFunction(() => !!document.querySelector('[data-testid="nav-inbox-badge"]')?.getAttribute('data-count'));
    assert.equal(await badge(), (await count('red')) + (await count('yellow')));
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });
});
