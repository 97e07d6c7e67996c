import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closePage, DESKTOP, nonBackgroundShare, openPage, pageErrors, PHONE, saveScreenshot, signIn, waitForAttribute } from '../browser.ts';
import { apiGet, assertNoHorizontalOverflow, e2eEnvironment, type E2eEnvironment } from '../setup.ts';

/** The map's background colour (#0b1526): whatever differs from it was drawn. */
const MAP_BACKGROUND: [number, number, number] = [0x0b, 0x15, 0x26];

interface Units {
  items: { code: string; level: string }[];
}

/** Signs in to 京智 and waits until the map has loaded its districts and finished drawing. */
async function openDashboard(env: E2eEnvironment, viewport = DESKTOP): Promise<Page> {
  const page = await openPage(env.browser, viewport);
  await signIn(page, env.server.url, '/zhi/login', 'muni.officer');
  const map = page.getByTestId('zhi-map');
  await waitForAttribute(map, 'data-source-loaded', 'true');
  await waitForAttribute(map, 'data-idle', 'true');
  return page;
}

describe('京智 Zhi dashboard', () => {
  const env = e2eEnvironment();

  it('draws the 16 districts from the boundaries API on the map', async () => {
    const page = await openDashboard(env);
    const geo = await apiGet<{ features: unknown[] }>(page, `${env.server.url}/api/v1/geo/boundaries?parent=110000`);
    assert.equal(geo.features.length, 16);
    const map = page.getByTestId('zhi-map');
    assert.equal(await map.getAttribute('data-feature-count'), '16');
    assert.equal(await map.locator('[data-testid^="district-label-"]').count(), 16);

    // The canvas really shows them: a large part of the map is not background.
    const share = await nonBackgroundShare(env.browser, await map.screenshot(), MAP_BACKGROUND);
    assert.ok(share > 0.15, `only ${(share * 100).toFixed(1)}% of the map is drawn`);
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('shows a district’s name, code and number of sub-units when it is clicked on the map', async () => {
    const page = await openDashboard(env);
    // Labels sit on a point inside their district and let clicks through to the map.
    const label = await page.getByTestId('district-label-110105').boundingBox();
    assert.ok(label, 'the 朝阳区 label is on screen');
    await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);

    const panel = page.getByTestId('zhi-district-panel');
    await panel.getByTestId('zhi-district-name').getByText('朝阳区', { exact: true }).waitFor();
    assert.equal(await panel.getByTestId('zhi-district-code').innerText(), '110105');
    const children = await apiGet<Units>(page, `${env.server.url}/api/v1/org/units/110105/children`);
    const count = panel.getByTestId('zhi-district-children');
    await waitForAttribute(count, 'data-count', String(children.items.length));
    assert.equal(new URL(page.url()).searchParams.get('district'), '110105');
    await saveScreenshot(page, 'zhi');
    await closePage(page);
  });

  it('charts the streets and towns of all 16 districts, and totals them', async () => {
    const page = await openDashboard(env);
    const chart = page.getByTestId('zhi-chart');
    await waitForAttribute(chart, 'data-bar-count', '16');

    const districts = (await apiGet<Units>(page, `${env.server.url}/api/v1/org/units/110000/children`)).items.filter((u) => u.level === 'district');
    let streets = 0;
    for (const d of districts) {
      streets += (await apiGet<Units>(page, `${env.server.url}/api/v1/org/units/${d.code}/children`)).items.filter((u) => u.level === 'street').length;
    }
    assert.ok(streets > 16, 'the demo city has streets');
    const kpi = page.locator('.ant-statistic', { hasText: '街道/乡镇' }).locator('.ant-statistic-content');
    assert.equal((await kpi.innerText()).replace(/[^0-9]/g, ''), String(streets));

    // Drawn bars, not an empty canvas: the chart card's own background is #0f1b2e.
    const share = await nonBackgroundShare(env.browser, await chart.screenshot(), [0x0f, 0x1b, 0x2e]);
    assert.ok(share > 0.05, `only ${(share * 100).toFixed(1)}% of the chart is drawn`);
    await closePage(page);
  });

  it('works on a 375 px phone: the map loads and nothing sticks out sideways', async () => {
    const page = await openDashboard(env, PHONE);
    assert.equal(await page.getByTestId('zhi-map').getAttribute('data-feature-count'), '16');
    await assertNoHorizontalOverflow(page);
    await closePage(page);
  });
});
