import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, openPage, pageErrors, PHONE, saveScreenshot } from '../browser.ts';
import { assertNoHorizontalOverflow, e2eEnvironment } from '../setup.ts';

describe('京通 Tong home', () => {
  const env = e2eEnvironment();

  it('renders in Chinese on a 375 px phone, switches to English, and remembers the choice', async () => {
    const page = await openPage(env.browser, PHONE);
    await page.goto(env.server.url + '/');
    await page.getByTestId('tong-home').waitFor();

    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.getByTestId('tong-welcome').innerText(), '欢迎使用京通');
    assert.match(await page.getByTestId('tile-hotline').innerText(), /接诉即办/);
    // 接诉即办 and 办事 are live (links); services not built yet say so.
    assert.doesNotMatch(await page.getByTestId('tile-hotline').innerText(), /即将上线/);
    assert.equal(await page.getByTestId('tile-hotline').getAttribute('href'), '/cases');
    assert.equal(await page.getByTestId('tile-services').getAttribute('href'), '/services');
    assert.match(await page.getByTestId('tile-cityCode').innerText(), /即将上线/);
    assert.equal(await page.getByTestId('lang-switch').innerText(), 'English');
    await assertNoHorizontalOverflow(page);
    await saveScreenshot(page, 'tong');

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('tong-welcome').getByText('Welcome to Jing Tong').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.getByTestId('tile-cityCode').innerText(), /Coming soon/);

    await page.reload();
    await page.getByTestId('tong-welcome').getByText('Welcome to Jing Tong').waitFor();
    assert.equal(await page.getByTestId('lang-switch').innerText(), '中文');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('tells a resident that a service not built yet is coming soon', async () => {
    const page = await openPage(env.browser, PHONE);
    await page.goto(env.server.url + '/');
    await page.getByTestId('tile-cityCode').click();
    await page.locator('.ant-message').getByText('「城市码」即将上线，敬请期待').waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    await closePage(page);
  });

  it('serves the app for a deep link (SPA fallback) and answers unknown pages with its own 404 page', async () => {
    const page = await openPage(env.browser, PHONE);
    await page.goto(env.server.url + '/no-such-page');
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await page.getByTestId('tong-header').waitFor();
    await closePage(page);
  });
});
