import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Engine } from '@jing/db';
import { startTestServer, type TestServer } from './harness.ts';
import { launchBrowser } from './browser.ts';

/** What a test file's browser tests run against. Fields are set once `before` has run. */
export interface E2eEnvironment {
  server: TestServer;
  browser: Browser;
}

/**
 * Registers `before`/`after` hooks in the calling `describe` block: a fresh
 * Jing server (own database, SQLite unless `engine` says otherwise) and a
 * browser for that block, both stopped after it.
 *
 * @example
 * describe('京通 home', () => {
 *   const env = e2eEnvironment();
 *   it('renders', async () => { const page = await openPage(env.browser); await page.goto(env.server.url); });
 * });
 */
export function e2eEnvironment(engine: Engine = 'sqlite'): E2eEnvironment {
  const env = {} as E2eEnvironment;
  before(async () => {
    env.server = await startTestServer(engine);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** GETs an API path with the page's cookies (so as the signed-in user) and returns the JSON; asserts 200. */
export async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  assert.equal(res.status(), 200, `GET ${url}`);
  return (await res.json()) as T;
}

/** Asserts that nothing on the page sticks out sideways (horizontal scrolling on a phone is a layout bug). */
export async function assertNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the ${page.viewportSize()?.width}px screen`);
}
