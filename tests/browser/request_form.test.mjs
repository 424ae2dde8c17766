// A request for disclosure in Debian's Chromium: an applicant goes through the online form
// (a mistake shown in the error summary that links to the field), checks the answers,
// submits, submits again from the check page without a second request, and reads the status
// with the code and secret; the clerk answers it and opens the notice letter. Every page
// passes axe-core (WCAG 2.1 AA, serious or critical).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { unique } from '../lib/gk.mjs';
import { assertNoSeriousAxe, launch, login, newPage, withArtifacts } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const metaCell = (page, label) => page.locator('table.meta tr', { has: page.locator(`th:text-is("${label}")`) }).locator('td');

describe('request form in the browser', () => {
  const description = `浏览器测试：${unique('')} 2013年度商贸流通专项资金分配结果`;
  let code;
  let secret;

  test('an applicant applies online and keeps the tracking code and secret', async (t) => {
    const page = await newPage(browser);
    await withArtifacts('browser request form', page, async () => {
      await page.goto('/requests/cxswj/new');
      await assertNoSeriousAxe(page, t, 'step 1');
      // Step 1 with a mistake: no name, a malformed email.
      await page.getByLabel('自然人').check();
      await page.getByLabel('电子邮箱').fill('not-an-email');
      await page.getByRole('button', { name: '继续' }).click();
      const summary = page.getByRole('alert');
      const nameLink = summary.getByRole('link', { name: '请填写姓名' });
      await nameLink.waitFor();
      assert.equal(await nameLink.getAttribute('href'), '#applicant_name');
      await assertNoSeriousAxe(page, t, 'step 1 with errors');
      await nameLink.click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'applicant_name');

      await page.getByLabel('姓名').fill('王小明');
      await page.getByLabel('电子邮箱').fill('wangxm@example.com');
      await page.getByRole('button', { name: '继续' }).click();
      await page.getByLabel('所需政府信息的描述').waitFor();
      await page.getByLabel('所需政府信息的描述').fill(description);
      await page.getByLabel('电子文档').check();
      await page.getByLabel('电子邮件', { exact: true }).check();
      await assertNoSeriousAxe(page, t, 'step 2');
      await page.getByRole('button', { name: '继续' }).click();
      await page.getByLabel('身份证明类型').selectOption('resident_id');
      await page.getByLabel('证件号码').fill('330282198001011237');
      await page.getByRole('button', { name: '继续' }).click();

      await page.getByRole('heading', { level: 1, name: '核对申请内容' }).waitFor();
      await assertNoSeriousAxe(page, t, 'check your answers');
      assert.equal((await metaCell(page, '所需信息').textContent()).trim(), description);
      const first = page.evaluate(() => {
        const form = document.getElementById('submit');
        const data = new URLSearchParams(new FormData(form));
        data.set('step', 'submit');
        return fetch(form.action, { method: 'POST', body: data }).then((r) => r.text());
      });
      const firstHtml = await first;
      assert.match(firstHtml, /申请已提交/);
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
      await assertNoSeriousAxe(page, t, 'confirmation');
      code = (await metaCell(page, '跟踪码').textContent()).trim();
      secret = (await metaCell(page, '查询密码').textContent()).trim();
      assert.match(code, /^[2-9A-HJKMNP-Z]{8}$/);
      assert.match(secret, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      assert.match(await metaCell(page, '答复期限').textContent(), /^\d{4}-\d{2}-\d{2}$/);
      // The button was the second submission of this form (the first went by script, as a
      // double click would): the same request, said so, not a second one.
      await page.getByText('这份申请此前已经提交').waitFor();
      assert.ok(firstHtml.includes(code), 'both submissions show the same tracking code');

      await page.goto('/requests/status');
      await page.getByLabel('跟踪码').fill(code.toLowerCase());
      await page.getByLabel('查询密码').fill(secret);
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByRole('heading', { level: 1, name: '办理进度' }).waitFor();
      await assertNoSeriousAxe(page, t, 'status');
      assert.match(await page.content(), /收到申请/);
    });
    await page.context().close();
  });

  test('the clerk answers it and opens the notice letter', async (t) => {
    assert.ok(code, 'the first test made a request');
    const page = await newPage(browser);
    await withArtifacts('browser request letter', page, async () => {
      await login(page, 'clerk');
      await page.goto('/admin/requests?list=new');
      await assertNoSeriousAxe(page, t, 'work list');
      await page.getByRole('link', { name: code }).click();
      await page.getByRole('heading', { level: 1, name: `申请 ${code}` }).waitFor();
      await assertNoSeriousAxe(page, t, 'request page');
      await page.locator('summary', { hasText: '作出答复' }).click();
      const form = page.locator('form', { has: page.locator('input[name="kind"][value="decided"]') });
      await form.getByLabel('办理结果').selectOption('granted');
      await form.getByRole('button', { name: '记录“作出答复”' }).click();
      await page.getByRole('link', { name: '政府信息公开申请答复告知书' }).click();
      await page.getByRole('heading', { level: 1, name: '政府信息公开申请答复告知书' }).waitFor();
      await assertNoSeriousAxe(page, t, 'notice letter');
      const letter = page.getByRole('article');
      assert.match(await letter.textContent(), /第三十六条第（二）项/);
      assert.match(await letter.textContent(), /六十日内依法申请行政复议/);
      await page.getByRole('button', { name: '记录已出具' }).click();
      await page.getByText(/已于 .* 出具/).waitFor();
    });
    await page.context().close();
  });
});
