import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closePage, openPage, pageErrors, PHONE, DESKTOP, signIn, waitForAttribute } from '../browser.ts';
import { assertNoHorizontalOverflow, e2eEnvironment } from '../setup.ts';
import { storyEngines } from '../harness.ts';

// The "done means" story: in the browser on both SQL engines.
for (const engine of storyEngines()) {
  describe(`京通 Tong 办事: find a service, answer the guide, see exactly what to bring [${engine}]`, () => {
    const env = e2eEnvironment(engine);

    it('a resident searches in Chinese, opens the residence permit, answers the guide and sees the exact materials', async () => {
      const page = await openPage(env.browser, PHONE);
      await signIn(page, env.server.url, '/login', 'resident.zhang');
      await page.goto(env.server.url);
      await page.getByTestId('tile-services').click();
      await page.getByTestId('services-home').waitFor();

      await page.getByTestId('services-search').locator('input').fill('居住证');
      await page.getByTestId('services-search').locator('input').press('Enter');
      await waitForAttribute(page.getByTestId('services-results'), 'data-query', '居住证');
      await waitForAttribute(page.getByTestId('services-results'), 'data-loading', 'false');
      const first = page.getByTestId('service-hit').first();
      assert.equal(await first.getAttribute('data-code'), 'BJ-GA-XK-0101');
      await assertNoHorizontalOverflow(page);
      await first.click();

      await page.getByTestId('service-page').waitFor();
      assert.equal(await page.getByTestId('service-name').innerText(), '居住证首次申领');
      // Nothing is listed before the question is answered.
      await page.getByTestId('guide-question-basis').waitFor();
      assert.equal(await page.getByTestId('guide-result').count(), 0);
      await page.getByTestId('guide-option-basis-study').click();

      await waitForAttribute(page.getByTestId('guide-result'), 'data-situation', 'study');
      const materials = page.getByTestId('guide-material');
      assert.deepEqual(await materials.evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))), ['id_card', 'photo', 'school_proof']);
      // The identity card is one the government holds: marked 免提交.
      await page.locator('[data-testid="guide-material"][data-code="id_card"]').getByTestId('material-held').getByText('免提交').waitFor();
      assert.equal(await page.locator('[data-testid="guide-material"][data-code="school_proof"]').getByTestId('material-held').count(), 0);
      assert.equal(await page.getByTestId('service-apply').getAttribute('href'), '/services/BJ-GA-XK-0101/apply?situation=study');
      await waitForAttribute(page.getByTestId('service-limits'), 'data-promised', '10');
      await page.getByTestId('service-limits').getByText('承诺时限 10 个工作日', { exact: false }).waitFor();
      await assertNoHorizontalOverflow(page);

      // Another answer, another list: the employment situation needs proof of employment instead.
      await page.getByTestId('guide-option-basis-employment').click();
      await waitForAttribute(page.getByTestId('guide-result'), 'data-situation', 'employment');
      await page.locator('[data-testid="guide-material"][data-code="employment_proof"]').waitFor();
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });

    it('a business finds company registration by pinyin initials and the guide asks only the questions that matter', async () => {
      const page = await openPage(env.browser, PHONE);
      await page.goto(`${env.server.url}/services?audience=business`);
      await page.getByTestId('services-search').locator('input').fill('qysl');
      await page.getByTestId('services-search').locator('input').press('Enter');
      await waitForAttribute(page.getByTestId('services-results'), 'data-query', 'qysl');
      await waitForAttribute(page.getByTestId('services-results'), 'data-loading', 'false');
      await page.locator('[data-testid="service-hit"][data-code="BJ-SJ-DJ-0202"]').click();
      await page.getByTestId('guide-option-form-branch').click();
      await waitForAttribute(page.getByTestId('guide-result'), 'data-situation', 'branch');
      assert.equal(await page.getByTestId('guide-question-shareholder').count(), 0, 'a branch office is never asked about shareholders');
      await page.locator('[data-testid="guide-material"][data-code="business_licence"]').getByTestId('material-held').waitFor();
      await page.getByTestId('guide-option-form-llc').click();
      await page.getByTestId('guide-question-shareholder').waitFor();
      assert.equal(await page.getByTestId('guide-result').count(), 0, 'the list waits for the new question');
      await page.getByTestId('guide-option-shareholder-persons').click();
      await waitForAttribute(page.getByTestId('guide-result'), 'data-situation', 'llc_persons');
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });

    it('the municipal service administration edits a draft in 京办, sees field errors, publishes it, and 京通 shows the new version', async () => {
      const page = await openPage(env.browser, DESKTOP);
      await signIn(page, env.server.url, '/ban/login', 'muni.service.admin');
      await page.getByTestId('nav-catalogue').click();
      await page.locator('[data-testid="catalogue-item"][data-code="BJ-GA-GG-0105"]').click();
      await page.getByTestId('service-editor').waitFor();
      await waitForAttribute(page.getByTestId('version-list'), 'data-count', '1');
      const editor = page.getByTestId('definition-editor');
      const original = JSON.parse(await editor.inputValue()) as { promisedLimitDays: number; implementedBy: { unitType: string } };

      await editor.fill(JSON.stringify({ ...original, implementedBy: { ...original.implementedBy, unitType: 'nowhere' } }, null, 2));
      await page.getByTestId('definition-save').click();
      await page.locator('[data-testid="definition-issue"][data-path="body.definition.implementedBy.unitType"]').waitFor();

      await editor.fill(JSON.stringify({ ...original, promisedLimitDays: 2 }, null, 2));
      await page.getByTestId('definition-save').click();
      await page.locator('[data-testid="version"][data-version="2"][data-status="draft"]').waitFor();
      await page.getByTestId('version-publish').click();
      await page.locator('[data-testid="version"][data-version="2"][data-status="published"]').waitFor();
      await page.locator('[data-testid="version"][data-version="1"][data-status="retired"]').waitFor();

      await page.goto(`${env.server.url}/services/BJ-GA-GG-0105`);
      await waitForAttribute(page.getByTestId('service-page'), 'data-version', '2');
      await waitForAttribute(page.getByTestId('service-limits'), 'data-promised', '2');
      assert.deepEqual(pageErrors(page), []);
      await closePage(page);
    });
  });
}
