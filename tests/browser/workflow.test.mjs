// A person's way through the back office in Debian's Chromium: the liaison logs in, fills in
// the item form (first with a mistake, shown beside the field and in the error summary that
// links to it), saves and submits the draft; the head, the leader and the confidentiality
// reviewer each log in and approve it; it is published with its 索引号.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { unique } from '../lib/gk.mjs';
import { launch, newPage, login, withArtifacts } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const metaCell = (page, label) => page.locator('table.meta tr', { has: page.locator(`th:text-is("${label}")`) }).locator('td');

describe('draft to publication in the browser', () => {
  const title = `关于开展${unique('')}家政服务业调查的通知`;
  let itemUrl;

  test('the liaison creates a draft through the form, correcting a validation error', async () => {
    const page = await newPage(browser);
    await withArtifacts('browser create draft', page, async () => {
      await login(page, 'liaison');
      await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '新建信息' }).click();
      await page.waitForURL('**/admin/items/new');
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: '新建信息' }).waitFor());

      // A mistake: no title, an impossible date. The server answers with the form again.
      await page.getByLabel('标题').fill('');
      await page.getByLabel('生成日期').fill('2013-02-30');
      await page.getByLabel('主题词').fill('家政 服务业');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.waitForSelector('.error-summary');

      const summary = page.getByRole('alert');
      await assert.doesNotReject(summary.getByRole('heading', { name: '请修改以下问题' }).waitFor());
      const titleLink = summary.getByRole('link', { name: '请填写标题' });
      assert.equal(await titleLink.getAttribute('href'), '#title');
      const dateLink = summary.getByRole('link', { name: /请按 年-月-日 填写生成日期/ });
      assert.equal(await dateLink.getAttribute('href'), '#creation_date');
      // Beside the field, tied to it for screen readers.
      const titleInput = page.getByLabel('标题');
      assert.equal(await titleInput.getAttribute('aria-invalid'), 'true');
      assert.equal(await titleInput.getAttribute('aria-describedby'), 'title-error');
      assert.equal((await page.locator('#title-error').textContent()).trim(), '请填写标题');
      const fieldBox = await page.locator('.field', { has: page.locator('#title') }).boundingBox();
      const errBox = await page.locator('#title-error').boundingBox();
      assert.ok(errBox.y >= fieldBox.y && errBox.y + errBox.height <= fieldBox.y + fieldBox.height, 'the message is inside the field\'s block');
      // The typed values are kept.
      assert.equal(await page.getByLabel('生成日期').inputValue(), '2013-02-30');
      assert.equal(await page.getByLabel('主题词').inputValue(), '家政 服务业');
      // The summary link takes the reader to the field.
      await titleLink.click();
      assert.equal(new URL(page.url()).hash, '#title');
      await page.keyboard.type(title);  // the link moved focus to the field
      assert.equal(await page.getByLabel('标题').inputValue(), title, 'focus was on the title field after the link');

      await page.getByLabel('生成日期').fill('2013-05-20');
      await page.getByLabel('文号').fill('慈商〔2013〕18号');
      await page.getByLabel('内容概述').fill('开展全市家政服务业基本情况调查。');
      const cls = page.getByLabel(/信息分类/);
      const firstClass = await cls.locator('option:not([value=""])').first().getAttribute('value');
      await cls.selectOption(firstClass);
      await page.getByLabel(/^正文/).fill('<p>各有关单位：</p><p>为掌握全市家政服务业发展情况，决定开展调查。</p>');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.waitForURL(/\/admin\/items\/\d+$/);
      itemUrl = new URL(page.url()).pathname;

      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: title }).waitFor());
      assert.match(await page.locator('p.status').textContent(), /草稿/);
      assert.equal((await metaCell(page, '索引号').textContent()).trim(), '（发布时生成）');
      assert.match(await page.locator('.body').innerHTML(), /<p>各有关单位：<\/p>/);

      await page.getByLabel('提交说明（可选）').fill('请科长审核');
      await page.getByRole('button', { name: '提交审核' }).click();
      await page.waitForURL(`**${itemUrl}`);
      assert.match(await page.locator('p.status').textContent(), /待科室负责人审核/);

      // It is listed in 我的草稿 with its state.
      await page.getByRole('link', { name: '我的草稿' }).first().click();
      const row = page.getByRole('row', { name: new RegExp(title) });
      assert.match(await row.textContent(), /待科室负责人审核/);
    });
    await page.context().close();
  });

  for (const [role, step, next] of [['head', '科室负责人审核', '待分管领导审核'], ['leader', '分管领导审核', '待保密审查'],
                                     ['secrecy', '保密审查', '已发布']]) {
    test(`the ${role} finds it in 待我审核 and approves (${step})`, async () => {
      assert.ok(itemUrl, 'the draft was created');
      const page = await newPage(browser);
      await withArtifacts(`browser approve ${role}`, page, async () => {
        await login(page, role);
        await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '待我审核' }).click();
        await page.waitForURL('**/admin/reviews');
        await page.getByRole('link', { name: title }).click();
        await page.waitForURL(`**${itemUrl}`);
        await page.getByLabel(`审核意见（${step}）`).fill(`${step}：同意`);
        await page.getByRole('button', { name: '审核通过' }).click();
        await page.waitForURL(`**${itemUrl}`);
        assert.match(await page.locator('p.status').textContent(), new RegExp(next));
      });
      await page.context().close();
    });
  }

  test('the item is published with its 索引号 and the whole history', async () => {
    assert.ok(itemUrl, 'the draft was created');
    const page = await newPage(browser);
    await withArtifacts('browser published', page, async () => {
      await login(page, 'liaison');
      await page.goto(itemUrl);
      const indexNo = (await metaCell(page, '索引号').textContent()).trim();
      assert.match(indexNo, /\d{4}-\d{5}$/);
      const history = page.locator('section', { has: page.getByRole('heading', { name: '审核与操作记录' }) });
      const text = await history.textContent();
      for (const s of ['起草', '提交审核', '科室负责人审核：同意', '分管领导审核：同意', '保密审查：同意', '发布', '联络员 陈晓', '科长 李军', '副局长 张伟', '保密审查 刘芳']) {
        assert.ok(text.includes(s), `history shows ${s}`);
      }
      // The catalog finds it by title.
      await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '信息目录' }).click();
      await page.getByLabel('标题包含').fill(title);
      await page.getByLabel('状态').selectOption({ label: '已发布' });
      await page.getByRole('button', { name: '筛选' }).click();
      await page.waitForURL(/\/admin\/items\?/);
      assert.match(await page.locator('.count').textContent(), /共 1 条/);
      const row = page.getByRole('row', { name: new RegExp(title) });
      assert.equal((await row.locator('td').first().textContent()).trim(), indexNo);
      assert.deepEqual(page.consoleErrors, [], 'no errors in the browser console');
    });
    await page.context().close();
  });
});
