import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A phone the size of an iPhone SE / mini: the width every page must work at. */
export const PHONE = { width: 375, height: 812 };
/** A laptop screen: the staff portals' everyday size. */
export const DESKTOP = { width: 1280, height: 800 };

/** Debian's Chromium (or `JING_CHROMIUM`), headless, with nothing phoning home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.JING_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const errorsOf = new WeakMap<Page, string[]>();

/**
 * A page in a fresh browser context (own cookies and localStorage), at the
 * given viewport. Uncaught exceptions in the app are collected for
 * {@link pageErrors}: they are bugs even when the assertion under test passes.
 */
export async function openPage(browser: Browser, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  errorsOf.set(page, errors);
  page.on('pageerror', (err) => errors.push(err.message));
  // The server's CSP is strict (no inline scripts, workers only from self/blob:):
  // anything it blocks is a bug of the app, reported only on the console.
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) errors.push(msg.text());
  });
  return page;
}

/** Uncaught exceptions the app threw in this page so far, and CSP violations. */
export function pageErrors(page: Page): string[] {
  return errorsOf.get(page) ?? [];
}

/** Closes a page's whole context (cookies included). */
export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/** Signs in through a portal's login form and waits until the login page is left. */
export async function signIn(page: Page, baseUrl: string, loginPath: string, username: string, password = 'Jing@2026demo'): Promise<void> {
  await page.goto(baseUrl + loginPath);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== loginPath);
}

/** Waits until an element has an attribute value (state the app exposes for tests). */
export async function waitForAttribute(locator: Locator, name: string, value: string): Promise<void> {
  await locator.and(locator.page().locator(`[${name}="${value}"]`)).waitFor();
}

/** With `JING_SCREENSHOTS=1`, saves `docs/screenshots/<name>.png` for the README. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.JING_SCREENSHOTS !== '1') return;
  const path = join(ROOT, 'docs/screenshots', `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: false });
}

/**
 * The share of pixels of a PNG that differ from a background colour by more
 * than `tolerance` per channel. The PNG is decoded by the browser itself, in a
 * blank page, to need no image library.
 */
export async function nonBackgroundShare(browser: Browser, png: Buffer, background: [number, number, number], tolerance = 12): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ dataUrl, bg, tol }) => {
        const img = new Image();
        img.src = dataUrl;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(img, 0, 0);
        const { data } = ctx.getImageData(0, 0, img.width, img.height);
        let different = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i]! - bg[0]) > tol || Math.abs(data[i + 1]! - bg[1]) > tol || Math.abs(data[i + 2]! - bg[2]) > tol) different++;
        }
        return different / (data.length / 4);
      },
      { dataUrl: `data:image/png;base64,${png.toString('base64')}`, bg: background, tol: tolerance },
    );
  } finally {
    await page.close();
  }
}

/**
 * Chooses an org unit in a `UnitSelect` (`testId`): types `text`, waits until the
 * options answer those words (not an earlier keystroke's search), clicks the unit
 * and waits until the control shows `name` as chosen.
 */
export async function pickUnit(page: Page, testId: string, text: string, code: string, name: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(text);
  await waitForAttribute(page.getByTestId(`${testId}-results`), 'data-query', text);
  await page.getByTestId(`unit-option-${code}`).click();
  await select.filter({ hasText: name }).waitFor();
}
