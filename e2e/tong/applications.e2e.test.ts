import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { closePage, DESKTOP, openPage, pageErrors, PHONE, signIn, waitForAttribute } from '../browser.ts';
import { assertNoHorizontalOverflow, e2eEnvironment } from '../setup.ts';
import { storyEngines } from '../harness.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(128, 3)]);
const PDF = Buffer.from('%PDF-1.4\n% 劳动合同扫描件\n%%EOF\n');

async function choose(page: Page, input: string, name: string, mimeType: string, buffer: Buffer) {
  await page.getByTestId(input).setInputFiles({ name, mimeType, buffer });
}

/** Takes one action in Ban's action panel, filling the dialog's fields first. */
async function banAction(page: Page, action: string, fill: (dialog: Page) => Promise<void> = async () => {}) {
  const version = await page.getByTestId('application-page').getAttribute('data-version');
  await page.getByTestId(`action-${action}`).click();
  await fill(page);
  if (await page.getByTestId('action-submit').isVisible().catch(() => false)) await page.getByTestId('action-submit').click();
  await page.locator(`[data-testid="application-page"]:not([data-version="${version}"])`).waitFor();
}

// The "done means" story: in the browser on both SQL engines.
for (const engine of storyEngines()) {
  describe(`京通 Tong 办件: apply online reusing a wallet certificate, correct, get approved, download and verify the e-certificate, rate it 不满意 and see it rectified [${engine}]`, () => {
    const env = e2eEnvironment(engine);

    it('runs the whole story between the resident, the approver in Ban and a stranger scanning the QR code', async () => {
      // 1. The resident applies for a residence permit on a phone; the ID card comes from the wallet (免提交).
      const resident = await openPage(env.browser, PHONE);
      await signIn(resident, env.server.url, '/login', 'resident.zhang');
      await resident.goto(`${env.server.url}/services/BJ-GA-XK-0101/apply?situation=employment`);
      await resident.getByTestId('apply-form').waitFor();
      assert.equal(await resident.getByTestId('field-name').inputValue(), '张伟', 'pre-filled from the account');
      await waitForAttribute(resident.getByTestId('material-id_card'), 'data-ready', 'true');
      await resident.getByTestId('field-phone').fill('13800138000');
      await resident.getByTestId('field-address').fill('北京市朝阳区建国路1号');
      await resident.getByTestId('field-registeredSince').fill('2025-01-02');
      await choose(resident, 'material-photo-file', 'photo.png', 'image/png', PNG);
      await waitForAttribute(resident.getByTestId('material-photo'), 'data-ready', 'true');
      await choose(resident, 'material-employment_proof-file', 'contract.pdf', 'application/pdf', PDF);
      await waitForAttribute(resident.getByTestId('material-employment_proof'), 'data-ready', 'true');
      await assertNoHorizontalOverflow(resident);
      await resident.getByTestId('apply-submit').click();
      await resident.getByTestId('my-application-page').waitFor();
      await waitForAttribute(resident.getByTestId('my-application-page'), 'data-status', 'submitted');
      const id = resident.url().split('/').pop()!;
      await assertNoHorizontalOverflow(resident);

      // 2. The approver of 朝阳分局 finds it in Ban and asks, once, for a corrected employment proof.
      const approver = await openPage(env.browser, DESKTOP);
      await signIn(approver, env.server.url, '/ban/login', 'cy.police.approver');
      await approver.goto(`${env.server.url}/ban/applications`);
      await approver.locator(`[data-testid="unit-application"][data-id="${id}"]`).click();
      await approver.getByTestId('application-page').waitFor();
      await waitForAttribute(approver.getByTestId('app-material-id_card'), 'data-source', 'certificate');
      await banAction(approver, 'correction', async (p) => {
        await p.getByTestId('target-material:employment_proof').click();
        await p.getByTestId('field-note').fill('劳动合同缺少单位盖章');
      });
      await waitForAttribute(approver.getByTestId('application-page'), 'data-status', 'correction');

      // 3. The resident sees the list and resubmits.
      await resident.reload();
      await resident.getByTestId('app-correction').waitFor();
      await waitForAttribute(resident.getByTestId('app-correction-items'), 'data-count', '1');
      await choose(resident, 'material-employment_proof-file', 'contract-stamped.pdf', 'application/pdf', PDF);
      await waitForAttribute(resident.getByTestId('material-employment_proof'), 'data-ready', 'true');
      await resident.getByTestId('correction-submit').click();
      await waitForAttribute(resident.getByTestId('my-application-page'), 'data-status', 'submitted');

      // 4. The approver accepts, reviews and approves, within the limit.
      await approver.reload();
      await waitForAttribute(approver.getByTestId('application-page'), 'data-status', 'submitted');
      await banAction(approver, 'accept');
      await waitForAttribute(approver.getByTestId('app-clock'), 'data-light', 'green');
      await waitForAttribute(approver.getByTestId('app-clock'), 'data-remaining', '10');
      await banAction(approver, 'review', (p) => p.getByTestId('field-opinion').fill('材料齐全'));
      await banAction(approver, 'decide', (p) => p.getByTestId('field-reason').fill('符合申领条件'));
      await waitForAttribute(approver.getByTestId('application-page'), 'data-status', 'approved');
      assert.deepEqual(pageErrors(approver), []);

      // 5. The resident follows the timeline and downloads the e-certificate.
      await resident.reload();
      await waitForAttribute(resident.getByTestId('my-application-page'), 'data-status', 'approved');
      const events = await resident.getByTestId('app-timeline').locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
      assert.deepEqual(events, ['submit', 'correction', 'resubmit', 'accept', 'review', 'decide', 'certificate', 'deliver']);
      const download = resident.waitForEvent('download');
      await resident.getByTestId('app-certificate-pdf').click();
      const file = await (await download).path();
      assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
      await resident.goto(`${env.server.url}/wallet`);
      const permit = resident.locator('[data-testid="wallet-certificate"][data-type="residence_permit"]');
      await permit.waitFor();
      assert.equal(await permit.getAttribute('data-status'), 'valid');
      const verifyPath = (await permit.getByTestId('wallet-verify').getAttribute('href'))!;
      await assertNoHorizontalOverflow(resident);
      assert.deepEqual(pageErrors(resident), []);

      // 6. A stranger scans the QR code: valid. The same code with its signature altered: invalid.
      const stranger = await openPage(env.browser, PHONE);
      await stranger.goto(env.server.url + verifyPath);
      await waitForAttribute(stranger.getByTestId('verify-page'), 'data-verdict', 'valid');
      assert.match(await stranger.getByTestId('verify-page').innerText(), /北京市居住证/);
      const forged = verifyPath.replace(/s=(.)/, (_, c: string) => `s=${c === 'A' ? 'B' : 'A'}`);
      await stranger.goto(env.server.url + forged);
      await waitForAttribute(stranger.getByTestId('verify-page'), 'data-verdict', 'invalid');
      assert.equal(await stranger.getByTestId('verify-verdict').innerText(), '证照无效');
      assert.deepEqual(pageErrors(stranger), []);

      // 7. 一事一评: the resident rates the service 不满意; a rectification task reaches the implementing unit,
      //    which logs its callback (回访) and the outcome; the resident sees it rectified.
      await resident.goto(`${env.server.url}/applications/${id}`);
      await resident.getByTestId('app-rate').click();
      await resident.getByTestId('rating-form').waitFor();
      await resident.getByTestId('rating-level-dissatisfied').click();
      await resident.getByTestId('rating-comment').fill('审批结果没有短信通知，反复登录才看到');
      await resident.getByTestId('rating-submit').click();
      await waitForAttribute(resident.getByTestId('rating-rectification'), 'data-status', 'open');
      await approver.goto(`${env.server.url}/ban/inbox`);
      await approver.getByTestId('inbox-item').filter({ hasText: '差评整改' }).first().click();
      await approver.getByTestId('task-rating-link').click();
      await waitForAttribute(approver.getByTestId('rectification-page'), 'data-status', 'open');
      await approver.getByTestId('callback-text').fill('已电话联系张先生，说明短信通道故障并致歉');
      await approver.getByTestId('callback-submit').click();
      await approver.getByTestId('rect-callback').first().waitFor();
      await approver.getByTestId('outcome-kind').getByText('立行立改').click();
      await approver.getByTestId('outcome-text').fill('已修复短信通知，办结即发送');
      await approver.getByTestId('outcome-submit').click();
      await waitForAttribute(approver.getByTestId('rectification-page'), 'data-status', 'rectified');
      await resident.reload();
      await waitForAttribute(resident.getByTestId('rating-rectification'), 'data-status', 'rectified');
      assert.deepEqual(pageErrors(resident), []);
      assert.deepEqual(pageErrors(approver), []);
      await Promise.all([closePage(resident), closePage(approver), closePage(stranger)]);
    });
  });
}
