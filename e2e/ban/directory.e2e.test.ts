import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closePage, DESKTOP, openPage, pageErrors, PHONE, saveScreenshot, signIn, waitForAttribute } from '../browser.ts';
import { apiGet, assertNoHorizontalOverflow, e2eEnvironment } from '../setup.ts';

interface StaffList {
  items: { displayName: string }[];
}
interface Hits {
  items: { code: string; name: string; level: string }[];
}

/** The rows of the staff table once it has loaded. */
async function staffNames(page: Page): Promise<string[]> {
  const table = page.getByTestId('staff-table');
  await waitForAttribute(table, 'data-loading', 'false');
  return table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
}

describe('京办 Ban directory (通讯录)', () => {
  const env = e2eEnvironment();

  it('opens on the officer’s own district, and shows a street’s people when the street is chosen in the tree', async () => {
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'chaoyang.officer');
    // 京办 opens on the inbox; the directory is one click away and opens on the officer's unit.
    await page.waitForURL((url) => url.pathname === '/ban/inbox');
    await page.getByTestId('nav-directory').click();
    await page.waitForURL((url) => url.pathname === '/ban/directory/110105');
    const tree = page.getByTestId('org-tree');
    await tree.getByTestId('org-node-110105').waitFor();

    // 朝阳区 is open on arrival: its streets are listed under it.
    const jianwai = tree.getByTestId('org-node-110105001');
    assert.equal(await jianwai.getAttribute('data-level'), 'street');
    await jianwai.click();
    await page.waitForURL((url) => url.pathname === '/ban/directory/110105001');
    await page.getByTestId('unit-name').getByText('建外街道', { exact: true }).waitFor();
    assert.match(await page.getByTestId('unit-path').innerText(), /北京市[\s\S]*朝阳区[\s\S]*建外街道/);

    const expected = await apiGet<StaffList>(page, `${env.server.url}/api/v1/org/units/110105001/staff?subtree=false`);
    assert.ok(expected.items.length > 0, 'the demo city has people in 建外街道');
    assert.deepEqual((await staffNames(page)).sort(), expected.items.map((s) => s.displayName).sort());

    // The street opens one level further in the tree: its communities load on demand.
    await tree.locator('.ant-tree-treenode', { has: page.getByTestId('org-node-110105001') }).locator('.ant-tree-switcher').click();
    await tree.locator('[data-testid^="org-node-110105001"][data-level="community"]').first().waitFor();
    await saveScreenshot(page, 'ban');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('finds a unit by search, reveals it in the tree, and says its people are outside a district officer’s scope', async () => {
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/ban/login', 'chaoyang.officer');
    await page.goto(`${env.server.url}/ban/directory`);
    await page.getByTestId('org-tree').waitFor();

    const hits = await apiGet<Hits>(page, `${env.server.url}/api/v1/org/units?q=${encodeURIComponent('中关村')}&limit=20`);
    const target = hits.items.find((h) => h.level === 'street');
    assert.ok(target, 'the demo city has a 中关村 street');

    await page.getByTestId('org-search').fill('中关村');
    await page.getByTestId(`org-search-hit-${target.code}`).click();
    await page.waitForURL((url) => url.pathname === `/ban/directory/${target.code}`);
    await page.getByTestId('unit-name').getByText(target.name, { exact: true }).waitFor();

    // Revealed: the path down to it is expanded and the node is selected.
    const node = page.getByTestId('org-tree').getByTestId(`org-node-${target.code}`);
    await node.waitFor();
    await page.locator('.ant-tree-node-selected', { has: page.getByTestId(`org-node-${target.code}`) }).waitFor();
    // 海淀 is not 朝阳: the unit is public, its people are not.
    await page.getByTestId('staff-out-of-scope').waitFor();
    await assertNoHorizontalOverflow(page);
    await closePage(page);
  });

  it('keeps a resident out of the staff portal', async () => {
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/ban/login', 'resident.zhang');
    await page.getByText('此门户仅供工作人员使用').waitFor();
    assert.equal(await page.getByTestId('org-tree').count(), 0);
    await closePage(page);
  });
});
