import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { waitForAttribute } from './browser.ts';

/** A real 1×1 PNG (the browser can decode it, the server's type check passes). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** A small PDF, enough for the server's check of the first bytes. */
export const PDF = Buffer.from('%PDF-1.4\n% 现场检查记录\n%%EOF\n');

/** Waits until a list of thumbnails shows `images` decoded images: the authorised GET of each file succeeded. */
export async function thumbnailsLoaded(list: Locator, images: number): Promise<void> {
  await list.waitFor();
  await list.page().waitForFunction(
    ({ testId, n }) => {
      const imgs = [...document.querySelectorAll(`[data-testid="${testId}"] img`)] as HTMLImageElement[];
      return imgs.length === n && imgs.every((i) => i.complete && i.naturalWidth > 0);
    },
    { testId: (await list.getAttribute('data-testid'))!, n: images },
  );
}

/** 国贸 (China World), inside 朝阳区 and 建外街道 — where the story's noise complaint happens. */
export const GUOMAO = { lng: 116.4575, lat: 39.9087 };

/**
 * Clicks the option with this text in the open antd Select or Cascader dropdown.
 * A dropdown that is still closing (another picker's, a moment ago) can match
 * first and then vanish: each attempt looks the option up afresh.
 */
export async function pickOption(page: Page, text: string): Promise<void> {
  const option = page.locator('.ant-select-item-option, .ant-cascader-menu-item').filter({ hasText: text, visible: true }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await option.click({ timeout: 3_000 });
      return;
    } catch (err) {
      if (attempt === 5) throw err;
    }
  }
}

/** Chooses a leaf of the two-level category picker: the group, then the category. */
export async function pickCategory(page: Page, picker: Locator, group: string, leaf: string): Promise<void> {
  await picker.click();
  await pickOption(page, group);
  await pickOption(page, leaf);
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Clicks the pin map where a coordinate is, from the view the map reports (`data-bounds`, Web Mercator). */
async function clickMapAt(page: Page, map: Locator, lng: number, lat: number): Promise<void> {
  await waitForAttribute(map, 'data-idle', 'true');
  const [west, south, east, north] = (await map.getAttribute('data-bounds'))!.split(',').map(Number) as [number, number, number, number];
  const box = await map.boundingBox();
  assert.ok(box, 'the map is on screen');
  const x = box.x + ((lng - west) / (east - west)) * box.width;
  const y = box.y + ((mercatorY(north) - mercatorY(lat)) / (mercatorY(north) - mercatorY(south))) * box.height;
  await page.mouse.click(x, y);
}

/**
 * Drops the report's pin at a coordinate as a person would: a first tap on
 * the city overview (the map then closes in on it), a second, precise tap.
 * Asserts the pin ends within ~20 m of the target.
 */
export async function placePin(page: Page, at: { lng: number; lat: number }): Promise<void> {
  const map = page.getByTestId('pin-map');
  // Centre the map on screen: on a phone the sticky header would cover its top.
  await map.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const overview = await map.getAttribute('data-bounds');
  await clickMapAt(page, map, at.lng, at.lat);
  await page.waitForFunction((before) => document.querySelector('[data-testid="pin-map"]')?.getAttribute('data-bounds') !== before, overview);
  await clickMapAt(page, map, at.lng, at.lat);
  const [lng, lat] = (await map.getAttribute('data-pin'))!.split(',').map(Number) as [number, number];
  assert.ok(Math.abs(lng - at.lng) < 0.0002 && Math.abs(lat - at.lat) < 0.0002, `pin at ${lng},${lat}, wanted ${at.lng},${at.lat}`);
}

/**
 * 京通 我要反映: fills the report form for a construction-noise complaint at
 * 国贸 (type 投诉, category 施工噪音扰民, pin on the map), choosing 建外街道
 * when the form asks for the street. Does not submit.
 */
export async function fillNoiseReport(page: Page, description: string): Promise<void> {
  await page.getByTestId('report-form').waitFor();
  await page.getByTestId('report-type').getByText('投诉', { exact: true }).click();
  await pickCategory(page, page.getByTestId('report-category'), '城市管理', '施工噪音扰民');
  await page.getByTestId('report-description').fill(description);
  await placePin(page, GUOMAO);
  // The map knows the district (朝阳区) but not the street here: the form asks.
  await waitForAttribute(page.getByTestId('report-located'), 'data-district', '110105');
  await page.getByTestId('report-street').click();
  await pickOption(page, '建外街道');
}

/** Submits the filled report and returns the tracking number it shows. */
export async function submitReport(page: Page): Promise<string> {
  await page.getByTestId('report-submit').click();
  const number = page.getByTestId('report-number');
  await number.waitFor();
  return (await number.innerText()).trim();
}

/** Opens an action's dialog on a case or task page, fills it with `fill`, and submits it. */
export async function takeAction(page: Page, action: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId(`action-form-${action}`).waitFor();
  await fill();
  await page.getByTestId('action-submit').click();
  const form = page.getByTestId(`action-form-${action}`);
  try {
    await form.waitFor({ state: 'hidden' });
  } catch (err) {
    // Say why the dialog stayed open: a field's error or the server's answer shown in it.
    const shown = await page.locator('.ant-modal .ant-form-item-explain-error, .ant-modal .ant-alert').allInnerTexts().catch(() => []);
    throw new Error(`the ${action} dialog did not close; it shows: ${JSON.stringify(shown)}`, { cause: err });
  }
}
