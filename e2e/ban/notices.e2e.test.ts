import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, DESKTOP, openPage, pageErrors, pickUnit, signIn, waitForAttribute } from '../browser.ts';
import { e2eEnvironment } from '../setup.ts';
import { apiSession } from '../api.ts';

interface ReceiptsJson {
  recipients: number;
  read: number;
  acked: number;
  items: { displayName: string; readAt: string | null; ackedAt: string | null }[];
}

const TITLE = '关于开展冬季安全生产大检查的通知';

describe('京办 Ban 通知公告 notices', () => {
  const env = e2eEnvironment();
  let noticeId = '';

  it('lets the district officer publish a notice that requires 签收 to 建外街道', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'chaoyang.officer');
    await page.getByTestId('nav-notices').click();
    await page.getByTestId('notices-publish').click();
    await page.getByTestId('notice-form-title').fill(TITLE);
    await page.getByTestId('notice-form-body').fill('请各单位于本周五前完成自查，并将情况报区应急管理局。');
    await pickUnit(page, 'notice-form-target', '建外', '110105001', '建外街道');
    await page.getByTestId('notice-form-ack').click();
    await page.getByTestId('notice-form-submit').click();
    await page.waitForURL((url) => /^\/ban\/notices\/[0-9a-f-]{36}$/.test(url.pathname));
    noticeId = new URL(page.url()).pathname.split('/').pop()!;
    assert.equal(await page.getByTestId('notice-title').innerText(), TITLE);

    // Everyone in 建外街道's subtree receives it; nobody has read it yet.
    const receipts = page.getByTestId('notice-receipts');
    await waitForAttribute(receipts, 'data-loading', 'false');
    const api = await apiSession(env.server.url, 'chaoyang.officer');
    const expected = await api.get<ReceiptsJson>(`/api/v1/notices/${noticeId}/receipts`);
    assert.ok(expected.recipients >= 1);
    assert.equal(await receipts.getAttribute('data-recipients'), String(expected.recipients));
    assert.equal(await receipts.getAttribute('data-acked'), '0');
    assert.equal(await page.getByTestId('notice-ack').count(), 0, 'the publisher is not a recipient');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('shows it unread to 建外街道’s officer, marks it read on opening, and takes the 签收', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    await waitForAttribute(page.getByTestId('nav-notices-badge'), 'data-count', '1');
    await page.getByTestId('nav-notices').click();
    await waitForAttribute(page.getByTestId('notices-unread'), 'data-count', '1');
    await page.locator(`[data-testid="notice-item"][data-id="${noticeId}"]`).click();
    await page.getByTestId('notice-ack').waitFor();
    // Opening it marked it read: the badge is gone, the 签收 is still owed.
    await page.waitForFunction(() => document.querySelector('[data-testid="nav-notices-badge"]')?.getAttribute('data-count') === '0');
    await page.getByTestId('notice-ack').click();
    await page.getByTestId('notice-acked').waitFor();
    assert.equal(await page.getByTestId('notice-ack').count(), 0);

    // The acknowledgement was also this officer's to-do: it is done.
    const inbox = await (await apiSession(env.server.url, 'jianwai.officer')).get<{ items: { kind: string }[] }>('/api/v1/inbox?box=mine');
    assert.equal(inbox.items.filter((i) => i.kind === 'notice.ack').length, 0);
    await closePage(page);
  });

  it('shows the publisher who has read and acknowledged it', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'chaoyang.officer');
    await page.goto(`${env.server.url}/ban/notices/${noticeId}`);
    const receipts = page.getByTestId('notice-receipts');
    await waitForAttribute(receipts, 'data-acked', '1');
    assert.equal(await receipts.getAttribute('data-read'), '1');
    const row = receipts.locator('tr', { hasText: '陈静' });
    assert.match(await row.innerText(), /建外街道/);
    assert.equal((await row.locator('td').allInnerTexts()).filter((c) => /\d{4}\/\d{2}\/\d{2}/.test(c)).length, 2, 'read and acknowledged times are shown');

    const api = await apiSession(env.server.url, 'chaoyang.officer');
    const receiptsJson = await api.get<ReceiptsJson>(`/api/v1/notices/${noticeId}/receipts`);
    assert.equal(receiptsJson.acked, 1);
    assert.ok(receiptsJson.items.find((i) => i.displayName === '陈静')?.ackedAt);
    await closePage(page);
  });

  it('lists the publisher’s own notices under 我发布的 with read and 签收 progress; a recipient has no such tab', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'chaoyang.officer');
    await page.getByTestId('nav-notices').click();
    await page.getByTestId('notices-box-published').click();
    await waitForAttribute(page.getByTestId('notices-published-table'), 'data-loading', 'false');
    const receipts = await (await apiSession(env.server.url, 'chaoyang.officer')).get<ReceiptsJson>(`/api/v1/notices/${noticeId}/receipts`);
    const progress = page.locator(`[data-testid="notice-progress"][data-id="${noticeId}"]`);
    assert.equal(await progress.getAttribute('data-recipients'), String(receipts.recipients));
    assert.equal(await progress.getAttribute('data-read'), '1');
    assert.equal(await progress.getAttribute('data-acked'), '1');
    assert.match(await progress.innerText(), new RegExp(`已读 1/${receipts.recipients}[\\s\\S]*已签收 1/${receipts.recipients}`));
    await page.locator(`[data-testid="notice-published-item"][data-id="${noticeId}"]`).click();
    await waitForAttribute(page.getByTestId('notice-receipts'), 'data-acked', '1');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);

    const recipient = await openPage(env.browser, DESKTOP);
    await signIn(recipient, env.server.url, '/ban/login', 'jianwai.officer');
    await recipient.getByTestId('nav-notices').click();
    await waitForAttribute(recipient.getByTestId('notices-table'), 'data-loading', 'false');
    assert.equal(await recipient.getByTestId('notices-box').count(), 0);
    await closePage(recipient);
  });
});
