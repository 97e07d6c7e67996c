import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, DESKTOP, openPage, pageErrors, PHONE, signIn, waitForAttribute } from '../browser.ts';
import { assertNoHorizontalOverflow, e2eEnvironment } from '../setup.ts';
import { apiSession, type CaseJson } from '../api.ts';
import { takeAction } from '../cases.ts';

/** A resident's construction-noise report in 建外街道, made over the API. */
async function residentReport(baseUrl: string, anonymous: boolean): Promise<CaseJson> {
  const resident = await apiSession(baseUrl, 'resident.zhang');
  return resident.post<CaseJson>('/api/v1/cases', {
    type: 'complaint',
    categoryCode: 'noise_construction',
    description: '小区旁工地夜间施工，噪音扰民',
    streetCode: '110105001',
    anonymous,
  });
}

describe('京办 Ban case page', () => {
  const env = e2eEnvironment();

  it('tells the officer when someone else changed the case first (409), and reloads it', async () => {
    const created = await residentReport(env.server.url, false);
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    await page.goto(`${env.server.url}/ban/cases/${created.id}`);
    await waitForAttribute(page.getByTestId('case-page'), 'data-version', '0');

    // A colleague signs for it meanwhile; this page still shows version 0.
    const colleague = await apiSession(env.server.url, 'jianwai.officer');
    await colleague.post(`/api/v1/cases/${created.id}/sign`, { version: 0 });

    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${created.id}/sign`));
    await page.getByTestId('action-sign').click();
    assert.equal((await answer).status(), 409);
    await page.locator('.ant-message').getByText('案件已有更新').waitFor();
    await waitForAttribute(page.getByTestId('case-page'), 'data-version', '1');
    await waitForAttribute(page.getByTestId('case-status'), 'data-status', 'signed');
    assert.ok(!(await page.getByTestId('case-actions').getAttribute('data-actions'))!.split(' ').includes('sign'), 'signing is no longer offered');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('shows 匿名 to the handling street when the resident asked to stay anonymous, but the name to the 12345 centre', async () => {
    const created = await residentReport(env.server.url, true);
    const street = await openPage(env.browser, DESKTOP);
    await signIn(street, env.server.url, '/ban/login', 'jianwai.officer');
    await street.goto(`${env.server.url}/ban/cases/${created.id}`);
    const reporter = street.getByTestId('case-reporter');
    await waitForAttribute(reporter, 'data-anonymous', 'true');
    assert.equal(await reporter.innerText(), '匿名');
    assert.doesNotMatch(await street.getByTestId('case-page').innerText(), /张伟/);
    await closePage(street);

    const centre = await openPage(env.browser, DESKTOP);
    await signIn(centre, env.server.url, '/ban/login', 'dispatch.centre');
    await centre.goto(`${env.server.url}/ban/cases/${created.id}`);
    await waitForAttribute(centre.getByTestId('case-reporter'), 'data-anonymous', 'false');
    assert.equal(await centre.getByTestId('case-reporter').innerText(), '张伟');
    await closePage(centre);
  });

  it('lets the street ask for more time (延期) and the dispatch centre approve it: the deadline moves to the end of the asked day', async () => {
    const created = await residentReport(env.server.url, false);
    const street = await apiSession(env.server.url, 'jianwai.officer');
    await street.post(`/api/v1/cases/${created.id}/sign`, { version: created.version });

    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    await page.goto(`${env.server.url}/ban/cases/${created.id}`);
    await waitForAttribute(page.getByTestId('case-page'), 'data-status', 'signed');
    const day = new Date(Date.now() + 10 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    await takeAction(page, 'extension', async () => {
      await page.getByTestId('field-newResolveDueAt').fill(day);
      await page.getByTestId('field-reason').fill('需协调施工单位调整工期');
    });
    await page.getByTestId('case-extension').waitFor();
    assert.ok(!(await page.getByTestId('case-actions').getAttribute('data-actions'))!.split(' ').includes('extension'), 'one request at a time');
    await closePage(page);

    const centre = await openPage(env.browser, DESKTOP);
    await signIn(centre, env.server.url, '/ban/login', 'dispatch.centre');
    await centre.locator(`[data-testid="inbox-item"][data-kind="case.extension"][href="/ban/cases/${created.id}"]`).click();
    await centre.getByTestId('case-extension').waitFor();
    await takeAction(centre, 'decideExtension', () => centre.getByTestId('field-approve').getByText('同意', { exact: true }).click());
    await centre.getByTestId('case-extension').waitFor({ state: 'detached' });
    assert.match(await centre.getByTestId('deadline-resolve').innerText(), new RegExp(`${day.replaceAll('-', '/')} 23:59:59`));

    const after = await street.get<CaseJson & { resolveDueAt: string; extension: unknown }>(`/api/v1/cases/${created.id}`);
    assert.equal(after.resolveDueAt, new Date(`${day}T23:59:59+08:00`).toISOString());
    assert.equal(after.extension, null);
    await closePage(centre);
  });

  it('works on a 375 px phone: the inbox with its traffic lights, the menu badge, and the case page', async () => {
    const created = await residentReport(env.server.url, false);
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    const inbox = page.getByTestId('inbox-table');
    await waitForAttribute(inbox, 'data-loading', 'false');
    const open = (await apiSession(env.server.url, 'jianwai.officer')).get<{ items: { link: string; light: string }[]; counts: Record<string, number> }>('/api/v1/inbox?box=mine');
    const { items, counts } = await open;
    assert.equal(await inbox.getAttribute('data-count'), String(items.length));
    for (const light of ['red', 'yellow', 'green'] as const) {
      assert.equal(await page.getByTestId(`inbox-count-${light}`).getAttribute('data-count'), String(counts[light]));
    }
    await assertNoHorizontalOverflow(page);

    // The menu is a drawer on a phone; its inbox badge counts red and yellow items (hidden at zero).
    await page.getByTestId('ban-menu-button').click();
    const badge = page.getByTestId('nav-inbox-badge');
    await page.waitForFunction(() => !!document.querySelector('[data-testid="nav-inbox-badge"]')?.getAttribute('data-count'));
    assert.equal(await badge.getAttribute('data-count'), String(counts.red! + counts.yellow!));
    await page.keyboard.press('Escape');

    await page.locator(`[data-testid="inbox-item"][href="/ban/cases/${created.id}"]`).click();
    await waitForAttribute(page.getByTestId('case-page'), 'data-status', 'dispatched');
    await page.getByTestId('pin-map').or(page.getByText('未标注位置')).first().waitFor();
    await assertNoHorizontalOverflow(page);
    await closePage(page);
  });
});
