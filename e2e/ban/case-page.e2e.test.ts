import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, DESKTOP, openPage, pageErrors, PHONE, signIn, waitForAttribute } from '../browser.ts';
import { assertNoHorizontalOverflow, e2eEnvironment } from '../setup.ts';
import { apiSession, type CaseJson } from '../api.ts';
import { PDF, PNG, takeAction, thumbnailsLoaded } from '../cases.ts';

/** A resident's construction-noise report in 建外街道, made over the API. */
async function residentReport(baseUrl: string, anonymous: boolean): Promise<CaseJson> {
  const resident = await apiSession(baseUrl, 'resident.zhang');
  return resident.post<CaseJson>('/api/v1/cases', {
    type: 'complaint',
    categoryCode: 'noise_construction',
    description: '小区旁工地夜间施工，噪音扰民',
    streetCode: '110105001',
    anonymous,
  });
}

describe('京办 Ban case page', () => {
  const env = e2eEnvironment();

  it('tells the officer when someone else changed the case first (409), and reloads it', async () => {
    const created = await residentReport(env.server.url, false);
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    await page.goto(`${env.server.url}/ban/cases/${created.id}`);
    await waitForAttribute(page.getByTestId('case-page'), 'data-version', '0');

    // A colleague signs for it meanwhile; this page still shows version 0.
    const colleague = await apiSession(env.server.url, 'jianwai.officer');
    await colleague.post(`/api/v1/cases/${created.id}/sign`, { version: 0 });

    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${created.id}/sign`));
    await page.getByTestId('action-sign').click();
    assert.equal((await answer).status(), 409);
    await page.locator('.ant-message').getByText('案件已有更新').waitFor();
    await waitForAttribute(page.getByTestId('case-page'), 'data-version', '1');
    await waitForAttribute(page.getByTestId('case-status'), 'data-status', 'signed');
    assert.ok(!(await page.getByTestId('case-actions').getAttribute('data-actions'))!.split(' ').includes('sign'), 'signing is no longer offered');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('shows 匿名 to the handling street when the resident asked to stay anonymous, but the name to the 12345 centre', async () => {
    const created = await residentReport(env.server.url, true);
    const street = await openPage(env.browser, DESKTOP);
    await signIn(street, env.server.url, '/ban/login', 'jianwai.officer');
    await street.goto(`${env.server.url}/ban/cases/${created.id}`);
    const reporter = street.getByTestId('case-reporter');
    await waitForAttribute(reporter, 'data-anonymous', 'true');
    assert.equal(await reporter.innerText(), '匿名');
    assert.doesNotMatch(await street.getByTestId('case-page').innerText(), /张伟/);
    await closePage(street);

    const centre = await openPage(env.browser, DESKTOP);
    await signIn(centre, env.server.url, '/ban/login', 'dispatch.centre');
    await centre.goto(`${env.server.url}/ban/cases/${created.id}`);
    await waitForAttribute(centre.getByTestId('case-reporter'), 'data-anonymous', 'false');
    assert.equal(await centre.getByTestId('case-reporter').innerText(), '张伟');
    await closePage(centre);
  });

  it('lets the street ask for more time (延期) and the dispatch centre approve it: the deadline moves to the end of the asked day', async () => {
    const created = await residentReport(env.server.url, false);
    const street = await apiSession(env.server.url, 'jianwai.officer');
    await street.post(`/api/v1/cases/${created.id}/sign`, { version: created.version });

    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    await page.goto(`${env.server.url}/ban/cases/${created.id}`);
    await waitForAttribute(page.getByTestId('case-page'), 'data-status', 'signed');
    const day = new Date(Date.now() + 10 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    await takeAction(page, 'extension', async () => {
      await page.getByTestId('field-newResolveDueAt').fill(day);
      await page.getByTestId('field-reason').fill('需协调施工单位调整工期');
    });
    await page.getByTestId('case-extension').waitFor();
    assert.ok(!(await page.getByTestId('case-actions').getAttribute('data-actions'))!.split(' ').includes('extension'), 'one request at a time');
    await closePage(page);

    const centre = await openPage(env.browser, DESKTOP);
    await signIn(centre, env.server.url, '/ban/login', 'dispatch.centre');
    await centre.locator(`[data-testid="inbox-item"][data-kind="case.extension"][href="/ban/cases/${created.id}"]`).click();
    await centre.getByTestId('case-extension').waitFor();
    await takeAction(centre, 'decideExtension', () => centre.getByTestId('field-approve').getByText('同意', { exact: true }).click());
    await centre.getByTestId('case-extension').waitFor({ state: 'detached' });
    assert.match(await centre.getByTestId('deadline-resolve').innerText(), new RegExp(`${day.replaceAll('-', '/')} 23:59:59`));

    const after = await street.get<CaseJson & { resolveDueAt: string; extension: unknown }>(`/api/v1/cases/${created.id}`);
    assert.equal(after.resolveDueAt, new Date(`${day}T23:59:59+08:00`).toISOString());
    assert.equal(after.extension, null);
    await closePage(centre);
  });

  it('lets the street record a note with evidence (a photo and a PDF); the page shows the resident’s photo and the evidence, and so does the resident’s view of the case', async () => {
    const resident = await apiSession(env.server.url, 'resident.zhang');
    const photo = await resident.upload(PNG, 'image/png', '现场.png');
    const created = await resident.post<CaseJson>('/api/v1/cases', { type: 'complaint', categoryCode: 'noise_construction', description: '工地夜间施工，附现场照片', streetCode: '110105001', photos: [photo] });
    await (await apiSession(env.server.url, 'jianwai.officer')).post(`/api/v1/cases/${created.id}/sign`, { version: created.version });

    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    await page.goto(`${env.server.url}/ban/cases/${created.id}`);
    await waitForAttribute(page.getByTestId('case-page'), 'data-status', 'signed');
    await thumbnailsLoaded(page.getByTestId('case-photos'), 1);
    assert.equal(await page.getByTestId('case-evidence').count(), 0);

    await takeAction(page, 'note', async () => {
      await page.getByTestId('field-text').fill('现场核查：工地 23 时后仍在作业，已拍照取证');
      const input = page.getByTestId('field-attachments-file');
      await input.setInputFiles({ name: '记录.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK') });
      await page.getByTestId('field-attachments-error').getByText('「记录.docx」的格式不支持，请上传 JPG/PNG/WEBP/PDF').waitFor();
      await input.setInputFiles([
        { name: '夜间作业.png', mimeType: 'image/png', buffer: PNG },
        { name: '检查记录.pdf', mimeType: 'application/pdf', buffer: PDF },
      ]);
      await waitForAttribute(page.getByTestId('field-attachments-files'), 'data-count', '2');
    });
    const evidence = page.getByTestId('case-evidence');
    await waitForAttribute(evidence, 'data-count', '2');
    await thumbnailsLoaded(evidence, 1);
    const pdf = evidence.locator('a[href^="/api/v1/files/"]');
    const res = await page.request.get(env.server.url + (await pdf.getAttribute('href'))!);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');

    const seen = await resident.get<CaseJson>(`/api/v1/cases/${created.id}`);
    assert.deepEqual(seen.attachments.map((a) => [a.kind, a.contentType]).sort(), [['evidence', 'application/pdf'], ['evidence', 'image/png'], ['photo', 'image/png']]);
    assert.equal(seen.events.at(-1)?.type, 'note');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);
  });

  it('lets a district supervisor (cases.read) pick a street of the district and see the cases it handles; a street officer gets no picker', async () => {
    const created = await residentReport(env.server.url, false);
    const page = await openPage(env.browser, DESKTOP);
    await signIn(page, env.server.url, '/ban/login', 'chaoyang.officer');
    await page.goto(`${env.server.url}/ban/cases`);
    const table = page.getByTestId('unit-cases-table');
    await waitForAttribute(table, 'data-loading', 'false');
    assert.equal(await table.getAttribute('data-count'), '0', 'the district government itself handles none');
    const picker = page.getByTestId('unit-cases-unit');
    await picker.getByText('朝阳区').waitFor();
    await picker.click();
    // The tree opens on the district; expand it and choose 建外街道.
    await page.locator('.ant-select-tree-treenode', { has: page.getByTestId('unit-node-110105') }).locator('.ant-select-tree-switcher').click();
    await page.getByTestId('unit-node-110105001').click();
    await page.locator(`[data-testid="unit-case"][data-number="${created.number}"]`).waitFor();
    const listed = await (await apiSession(env.server.url, 'chaoyang.officer')).get<{ items: CaseJson[] }>('/api/v1/cases?scope=unit&unit=110105001&limit=200');
    await waitForAttribute(table, 'data-count', String(listed.items.length));
    await page.locator(`[data-testid="unit-case"][data-number="${created.number}"]`).click();
    await waitForAttribute(page.getByTestId('case-page'), 'data-status', 'dispatched');
    assert.deepEqual(pageErrors(page), []);
    await closePage(page);

    const street = await openPage(env.browser, DESKTOP);
    await signIn(street, env.server.url, '/ban/login', 'jianwai.officer');
    await street.goto(`${env.server.url}/ban/cases`);
    await street.locator(`[data-testid="unit-case"][data-number="${created.number}"]`).waitFor();
    assert.equal(await street.getByTestId('unit-cases-unit').count(), 0);
    await closePage(street);
  });

  it('works on a 375 px phone: the inbox with its traffic lights, the menu badge, and the case page', async () => {
    const created = await residentReport(env.server.url, false);
    const page = await openPage(env.browser, PHONE);
    await signIn(page, env.server.url, '/ban/login', 'jianwai.officer');
    const inbox = page.getByTestId('inbox-table');
    await waitForAttribute(inbox, 'data-loading', 'false');
    const open = (await apiSession(env.server.url, 'jianwai.officer')).get<{ items: { link: string; light: string }[]; counts: Record<string, number> }>('/api/v1/inbox?box=mine');
    const { items, counts } = await open;
    assert.equal(await inbox.getAttribute('data-count'), String(items.length));
    for (const light of ['red', 'yellow', 'green'] as const) {
      assert.equal(await page.getByTestId(`inbox-count-${light}`).getAttribute('data-count'), String(counts[light]));
    }
    await assertNoHorizontalOverflow(page);

    // The menu is a drawer on a phone; its inbox badge counts red and yellow items (hidden at zero).
    await page.getByTestId('ban-menu-button').click();
    const badge = page.getByTestId('nav-inbox-badge');
    await page.waitForFunction(() => !!document.querySelector('[data-testid="nav-inbox-badge"]')?.getAttribute('data-count'));
    assert.equal(await badge.getAttribute('data-count'), String(counts.red! + counts.yellow!));
    await page.keyboard.press('Escape');

    await page.locator(`[data-testid="inbox-item"][href="/ban/cases/${created.id}"]`).click();
    await waitForAttribute(page.getByTestId('case-page'), 'data-status', 'dispatched');
    await page.getByTestId('pin-map').or(page.getByText('未标注位置')).first().waitFor();
    await assertNoHorizontalOverflow(page);
    await closePage(page);
  });
});
