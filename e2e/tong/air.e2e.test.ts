import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, openPage, pageErrors, PHONE, saveScreenshot, waitForAttribute } from '../browser.ts';
import { apiGet, assertNoHorizontalOverflow, e2eEnvironment } from '../setup.ts';

interface Near {
  items: { station: { code: string }; aqi: number | null; category: { colour: string; name: { 'zh-CN': string; en: string } } | null; advice: { 'zh-CN': string; en: string } | null }[];
}

describe('京通 Tong air quality near me', () => {
  const env = e2eEnvironment();

  it('shows the nearest station’s AQI in its category colour with the health advice, on a 375 px phone', async () => {
    const page = await openPage(env.browser, PHONE);
    await page.goto(env.server.url + '/');
    const card = page.getByTestId('air-near');
    await card.waitFor();
    const config = await apiGet<{ center: [number, number] }>(page, `${env.server.url}/api/v1/client-config`);
    const near = await apiGet<Near>(page, `${env.server.url}/api/v1/air/near?lng=${config.center[0]}&lat=${config.center[1]}&limit=1`);
    const first = near.items[0]!;
    await waitForAttribute(card, 'data-station', first.station.code);
    assert.equal(await card.getAttribute('data-aqi'), String(first.aqi));
    assert.equal(await card.getAttribute('data-colour'), first.category!.colour);
    assert.equal(await page.getByTestId('air-near-category').innerText(), first.category!.name['zh-CN']);
    assert.match(await page.getByTestId('air-near-advice').innerText(), new RegExp(first.advice!['zh-CN'].slice(0, 6)));
    assert.equal(await card.getAttribute('data-mine'), 'false');
    await assertNoHorizontalOverflow(page);

    // In English the category and advice follow.
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('air-near-category').getByText(first.category!.name.en, { exact: true }).waitFor();
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('uses the browser’s location when the resident asks, from the 空气质量 tile', async () => {
    const page = await openPage(env.browser, PHONE);
    // Next to the 昌平 stations (定陵 is at 116.220, 40.292).
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ longitude: 116.221, latitude: 40.291 });
    await page.goto(env.server.url + '/');
    await page.getByTestId('tile-air').click();
    await page.getByTestId('tong-air').waitFor();
    const card = page.getByTestId('air-near');
    await page.getByTestId('air-near-locate').click();
    await waitForAttribute(card, 'data-mine', 'true');
    await waitForAttribute(card, 'data-station', 'Dingling');
    const near = await apiGet<Near>(page, `${env.server.url}/api/v1/air/near?lng=116.221&lat=40.291&limit=1`);
    assert.equal(await card.getAttribute('data-aqi'), String(near.items[0]!.aqi));
    await assertNoHorizontalOverflow(page);
    await saveScreenshot(page, 'tong-air');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });
});
