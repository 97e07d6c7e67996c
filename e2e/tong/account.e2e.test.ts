import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, openPage, pageErrors, PHONE, signIn } from '../browser.ts';
import { apiGet, e2eEnvironment } from '../setup.ts';

describe('京通 Tong my account', () => {
  const env = e2eEnvironment();

  it('lists the business a resident represents and lets them act for it (代理) and stop again', async () => {
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/login', 'biz.owner');
    await page.waitForURL((url) => url.pathname === '/me');
    const me = await apiGet<{ canActFor: { id: string; displayName: string }[] }>(page, `${env.server.url}/api/v1/auth/me`);
    const business = me.canActFor[0];
    assert.ok(business, 'biz.owner represents a business in the demo city');

    assert.equal(await page.getByTestId('account-business').innerText(), business.displayName);
    assert.equal(await page.getByTestId('acting-banner').count(), 0);

    // The switch goes through the API (with the CSRF token) and the whole portal follows.
    await page.getByTestId('act-as-switch').click();
    await page.locator('.ant-select-item-option', { hasText: business.displayName }).click();
    await page.getByTestId('acting-banner').getByText(business.displayName).waitFor();
    await page.getByTestId('acting-banner-global').waitFor();
    const acting = await apiGet<{ actingFor: { id: string } | null }>(page, `${env.server.url}/api/v1/auth/me`);
    assert.equal(acting.actingFor?.id, business.id);

    await page.getByTestId('act-as-switch').click();
    await page.locator('.ant-select-item-option', { hasText: '本人' }).click();
    await page.getByTestId('acting-banner').waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('sends a signed-out visitor to the login page and back to my account afterwards', async () => {
    const page = await openPage(env.browser, PHONE);
    await page.goto(`${env.server.url}/me`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-username').fill('resident.zhang');
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();

    await page.getByTestId('login-password').fill('Jing@2026demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/me');
    assert.match(await page.getByTestId('account-id-number').innerText(), /^1101\*+\d{3}[\dX]$/);
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('header-login').waitFor();
    await closePage(page);
  });
});
