import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, DESKTOP, openPage, pageErrors, signIn, waitForAttribute } from '../browser.ts';
import { apiGet, e2eEnvironment } from '../setup.ts';

describe('京办 Ban audit log', () => {
  const env = e2eEnvironment();

  it('shows the audit log to the municipal officer and verifies the hash chain as intact', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'muni.officer');
    await page.getByTestId('nav-audit').click();
    await page.waitForURL((url) => url.pathname === '/ban/audit');

    const table = page.getByTestId('audit-table');
    await waitForAttribute(table, 'data-loading', 'false');
    // At least this officer's own sign-in is on record.
    assert.ok(Number(await table.getAttribute('data-count')) > 0);
    await table.locator('tbody tr.ant-table-row').getByText('auth.login').first().waitFor();

    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-ok'), 'true');
    assert.match(await result.innerText(), /哈希链完整：已校验 \d+ 条记录/);
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('hides the audit log from staff without audit.read, in the menu and at its URL', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    const me = await apiGet<{ permissions: string[] }>(page, `${env.server.url}/api/v1/auth/me`);
    assert.ok(!me.permissions.includes('audit.read'), 'the street officer has no audit.read in the demo city');

    await page.getByTestId('nav-directory').waitFor();
    assert.equal(await page.getByTestId('nav-audit').count(), 0);
    await page.goto(`${env.server.url}/ban/audit`);
    await page.getByTestId('audit-forbidden').waitFor();
    assert.equal(await page.getByTestId('audit-table').count(), 0);
    await closePage(page);
  });
});
