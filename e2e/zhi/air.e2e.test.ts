import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, DESKTOP, nonBackgroundShare, openPage, pageErrors, PHONE, saveScreenshot, signIn, waitForAttribute } from '../browser.ts';
import { apiGet, assertNoHorizontalOverflow, e2eEnvironment } from '../setup.ts';

interface Latest {
  items: { station: { code: string; lng: number | null }; aqi: number | null; category: { colour: string } | null }[];
}
interface Ranking {
  month: string;
  items: { district: { code: string }; rank: number | null; yoyRank: number | null; stations: { code: string }[] }[];
}

describe('京智 Zhi air quality (一微克)', () => {
  const env = e2eEnvironment();

  it('shows the demo stations on the map in their AQI colours, the district ranking, the calendar, trends and the assessment', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/zhi/login', 'muni.officer');
    await page.getByTestId('nav-zhi-air').click();
    const dashboard = page.getByTestId('air-dashboard');
    await dashboard.waitFor();
    const url = env.server.url;

    // The map: every located station, each dot in its category's official colour from the API.
    const latest = await apiGet<Latest>(page, `${url}/api/v1/air/latest`);
    const located = latest.items.filter((s) => s.station.lng !== null);
    assert.ok(located.length >= 8, 'the demo city has its eight national stations');
    const map = page.getByTestId('air-map');
    await waitForAttribute(map, 'data-station-count', String(located.length));
    await waitForAttribute(map, 'data-idle', 'true');
    for (const s of located) {
      const dot = page.getByTestId(`air-station-${s.station.code}`);
      assert.equal(await dot.getAttribute('data-colour'), s.category?.colour ?? '#5b6b82');
      assert.equal(await dot.innerText(), s.aqi === null ? '–' : String(s.aqi));
    }
    const drawn = await nonBackgroundShare(env.browser, await map.screenshot(), [0x0b, 0x15, 0x26]);
    assert.ok(drawn > 0.15, `only ${(drawn * 100).toFixed(1)}% of the map is drawn`);

    // The ranking of the latest month: one bar per ranked district, by level and by year-on-year change.
    const ranking = await apiGet<Ranking>(page, `${url}/api/v1/air/rankings/districts`);
    assert.equal(await dashboard.getAttribute('data-month'), ranking.month);
    const byLevel = ranking.items.filter((r) => r.rank !== null).length;
    const byYoy = ranking.items.filter((r) => r.yoyRank !== null).length;
    assert.ok(byLevel >= 4 && byYoy >= 4, 'the demo gives districts to rank, and a year earlier to compare with');
    const chart = page.getByTestId('air-ranking-chart');
    await waitForAttribute(chart, 'data-bar-count', String(byLevel));
    const bars = await nonBackgroundShare(env.browser, await chart.screenshot(), [0x0f, 0x1b, 0x2e]);
    assert.ok(bars > 0.05, `only ${(bars * 100).toFixed(1)}% of the ranking is drawn`);
    await page.getByTestId('air-by-yoy').click();
    await waitForAttribute(chart, 'data-by', 'yoy');
    await waitForAttribute(chart, 'data-bar-count', String(byYoy));
    await page.getByTestId('air-by-pm25').click();
    await waitForAttribute(chart, 'data-by', 'pm25');

    // Drill down: a click on the bottom bar (the highest PM2.5, the longest bar) opens that district's stations.
    const worst = ranking.items.filter((r) => r.rank !== null).sort((a, b) => b.rank! - a.rank! || b.district.code.localeCompare(a.district.code))[0]!;
    // The plot spans 8 px below the top to about 32 px above the bottom (grid margin and axis labels): aim at the
    // bottom band's centre, a few pixels either way, and again while the bars grow in after a redraw.
    const box = (await chart.boundingBox())!;
    const drill = page.getByTestId('air-district-stations');
    const opened = drill.and(page.locator(`[data-district="${worst.district.code}"]`));
    const band = (box.height - 40) / byLevel;
    for (let attempt = 0; attempt < 12 && !(await opened.isVisible()); attempt++) {
      const y = box.y + box.height - 32 - band / 2 + [0, -4, 4, -8][attempt % 4]!;
      await page.mouse.click(box.x + box.width * 0.3, y);
      await opened.waitFor({ timeout: 1000 }).catch(() => {});
    }
    await waitForAttribute(drill, 'data-district', worst.district.code);
    assert.equal(new URL(page.url()).searchParams.get('district'), worst.district.code);
    const stationCode = worst.stations[0]!.code;
    await page.getByTestId(`air-drill-station-${stationCode}`).click();

    // The calendar of that station for the month's year: as many coloured days as the API has daily AQIs.
    const year = ranking.month.slice(0, 4);
    const daily = await apiGet<{ items: { aqi: number | null }[] }>(page, `${url}/api/v1/air/stations/${stationCode}/daily?from=${year}-01-01&to=${year}-12-31`);
    const rated = daily.items.filter((d) => d.aqi !== null).length;
    assert.ok(rated > 30);
    const calendar = page.getByTestId('air-calendar');
    await waitForAttribute(calendar, 'data-year', year);
    await waitForAttribute(calendar, 'data-day-count', String(rated));
    assert.equal(new URL(page.url()).searchParams.get('station'), stationCode);

    // Trends: the city and each district with stations; the assessment: the city and each district.
    const districts = new Set(ranking.items.map((r) => r.district.code)).size;
    await waitForAttribute(page.getByTestId('air-trend'), 'data-series-count', String(districts + 1));
    await waitForAttribute(page.getByTestId('air-assessment'), 'data-count', String(districts + 1));
    await page.getByTestId('air-streets').waitFor();
    assert.deepEqual(pageErrors(page), []);
    await saveScreenshot(page, 'zhi-air');
    await closePage(page);
  });

  it('works on a 375 px phone: the map loads and nothing sticks out sideways', async () => {
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/zhi/login', 'muni.officer');
    await page.goto(`${env.server.url}/zhi/air`);
    await waitForAttribute(page.getByTestId('air-map'), 'data-idle', 'true');
    await page.getByTestId('air-ranking-chart').waitFor();
    await assertNoHorizontalOverflow(page);
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });
});
