import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closePage, openPage, pageErrors, PHONE } from '../browser.ts';
import { e2eEnvironment } from '../setup.ts';
import { residentIdNumber, uniqueUsername, withWrongCheckChar } from '../factories.ts';

async function fillRegistration(page: Page, fields: { username: string; idNumber: string }) {
  await page.getByTestId('register-username').fill(fields.username);
  await page.getByTestId('register-password').fill('a-long-enough-secret');
  await page.getByTestId('register-name').fill('测试居民');
  await page.getByTestId('register-idNumber').fill(fields.idNumber);
}

describe('京通 Tong registration', () => {
  const env = e2eEnvironment();

  it('registers a resident with a valid ID number, signs them in and shows the number masked on my account', async () => {
    const page = await openPage(env.browser, PHONE);
    const idNumber = residentIdNumber();
    await page.goto(env.server.url + '/register');
    await fillRegistration(page, { username: uniqueUsername('e2e'), idNumber });
    await page.getByTestId('register-submit').click();

    await page.waitForURL((url) => url.pathname === '/me');
    const shown = await page.getByTestId('account-id-number').innerText();
    assert.notEqual(shown, idNumber);
    assert.equal(shown.length, 18);
    assert.ok(!shown.includes(idNumber.slice(4, 14)), `the date of birth is visible in ${shown}`);
    assert.equal(shown.slice(0, 4), idNumber.slice(0, 4));
    assert.equal(shown.slice(-4), idNumber.slice(-4));
    assert.match(shown, /\*{6,}/);
    assert.equal(await page.getByTestId('account-name').innerText(), '测试居民');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('shows the server’s verdict on an ID number with a wrong check digit under that field', async () => {
    const page = await openPage(env.browser, PHONE);
    await page.goto(env.server.url + '/register');
    await fillRegistration(page, { username: uniqueUsername('e2e'), idNumber: withWrongCheckChar(residentIdNumber()) });
    // The check digit is the server's rule: the form must send it and show the answer.
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/accounts/residents') && r.request().method() === 'POST');
    await page.getByTestId('register-submit').click();
    const response = await answer;
    assert.equal(response.status(), 400);
    assert.equal((await response.json()).error.code, 'validation_failed');

    const field = page.locator('.ant-form-item', { has: page.getByTestId('register-idNumber') });
    await field.locator('.ant-form-item-explain-error').getByText('身份证号码无效').waitFor();
    assert.equal(new URL(page.url()).pathname, '/register');
    await closePage(page);
  });

  it('says so on the username field when the username is taken', async () => {
    const page = await openPage(env.browser, PHONE);
    await page.goto(env.server.url + '/register');
    await fillRegistration(page, { username: 'resident.zhang', idNumber: residentIdNumber() });
    await page.getByTestId('register-submit').click();
    const field = page.locator('.ant-form-item', { has: page.getByTestId('register-username') });
    await field.locator('.ant-form-item-explain-error').getByText('该用户名已被使用').waitFor();
    await closePage(page);
  });
});
