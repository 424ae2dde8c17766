// Quotas and the assessment in Debian's Chromium, on the demo agency: the office sets a quota
// (first with mistakes, shown beside the fields and in the summary), sees the status words in
// the table; the liaison sees the department's page; the office adjusts a score with a reason
// and downloads the sheet. axe-core runs on each page (serious or critical violations fail).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertNoSeriousAxe, horizontalOverflow, launch, newPage, login, withArtifacts } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const now = new Date(Date.now() + 8 * 3600 * 1000);  // China Standard Time
const year = now.getUTCFullYear();
const month = now.getUTCMonth() + 1;
const monthId = `${year}-${String(month).padStart(2, '0')}`;

describe('quotas and assessment in the browser', () => {
  test('the office sets a quota, correcting mistakes, and reads the table', async (t) => {
    const page = await newPage(browser);
    await withArtifacts('browser quota office', page, async () => {
      await login(page, 'office');
      await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '报送定额' }).click();
      await page.waitForURL('**/admin/quota');
      await assertNoSeriousAxe(page, t, 'quota table');
      // The demo's departments are listed with a status that reads as text.
      const statuses = await page.locator('table.quota .quota-status').allTextContents();
      assert.ok(statuses.length >= 6, 'one row per department');
      for (const s of statuses) assert.match(s, /^(达标|未达标|逾期|未设定)$/);

      await page.getByLabel('科室', { exact: true }).selectOption({ label: '对外贸易科' });
      await page.getByLabel('年份').fill(String(year));
      await page.getByLabel(/^月份/).fill('13');
      await page.getByLabel('每月报送条数').fill('5000');
      await page.getByLabel(/^截止日（/).fill('20');
      await page.getByRole('button', { name: '保存定额' }).click();
      await page.waitForSelector('.error-summary');
      const summary = page.getByRole('alert');
      assert.equal(await summary.getByRole('link', { name: '报送条数应为0至1000之间的整数' }).getAttribute('href'), '#items');
      const items = page.getByLabel('每月报送条数');
      assert.equal(await items.getAttribute('aria-invalid'), 'true');
      assert.equal(await items.getAttribute('aria-describedby'), 'items-error');
      assert.equal(await items.inputValue(), '5000', 'what was typed is kept');
      await assertNoSeriousAxe(page, t, 'quota form with errors');

      await page.getByLabel(/^月份/).fill(String(month));
      await items.fill('4');
      await page.getByRole('button', { name: '保存定额' }).click();
      await page.waitForURL(`**/admin/quota?month=${monthId}`);
      const row = page.locator('table.quota tr', { has: page.getByRole('link', { name: '对外贸易科' }) });
      assert.equal((await row.locator('td').first().textContent()).trim(), '4');
      assert.match(await page.locator('table', { hasText: '定额规则' }).first().textContent(), new RegExp(`${year}年${month}月`));
    });
  });

  test('the liaison sees the department page, not the office table', async (t) => {
    const page = await newPage(browser);
    await withArtifacts('browser quota liaison', page, async () => {
      await login(page, 'liaison');
      const nav = page.getByRole('navigation', { name: '后台导航' });
      assert.equal(await nav.getByRole('link', { name: '报送定额' }).count(), 0);
      await nav.getByRole('link', { name: '本科室报送' }).click();
      await page.waitForURL(/\/admin\/quota\/departments\/\d+$/);
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /商贸流通科/ }).waitFor());
      await assert.doesNotReject(page.getByText('本月定额').waitFor());
      assert.match(await page.locator('.figures').textContent(), /剩余工作日/);
      await assertNoSeriousAxe(page, t, 'department quota page');
      const res = await page.goto('/admin/quota');
      assert.equal(res.status(), 403);
    });
  });

  test('the office adjusts a score with a reason and downloads the sheet', async (t) => {
    const page = await newPage(browser);
    await withArtifacts('browser assessment', page, async () => {
      await login(page, 'office');
      await page.goto(`/admin/assessment?period=${year}`);
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: new RegExp(`${year}年`) }).waitFor());
      await assertNoSeriousAxe(page, t, 'assessment page');
      // Each score explains itself.
      assert.match(await page.locator('tr.explain').first().textContent(), /得分 = 100 ×/);

      await page.getByLabel('科室', { exact: true }).selectOption({ label: '市场运行科' });
      await page.getByLabel(/^加减分/).fill('2');
      await page.getByRole('button', { name: '添加调整' }).click();
      await page.waitForSelector('.error-summary');
      assert.equal(await page.getByLabel(/^理由/).getAttribute('aria-invalid'), 'true');
      await page.getByLabel('科室', { exact: true }).selectOption({ label: '市场运行科' });
      await page.getByLabel(/^加减分/).fill('2');
      await page.getByLabel(/^理由/).fill('承担全市商贸运行监测专项工作');
      await page.getByRole('button', { name: '添加调整' }).click();
      await page.waitForURL(`**/admin/assessment?period=${year}`);
      assert.match(await page.locator('table.assessment').textContent(), /人工调整 2\.0 分：承担全市商贸运行监测专项工作/);

      const pdf = await page.request.get(`/admin/assessment/export?period=${year}&format=pdf`);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    });
  });

  test('the confidentiality reviewer searches the registers', async (t) => {
    const page = await newPage(browser);
    await withArtifacts('browser registers', page, async () => {
      await login(page, 'secrecy');
      await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '保密审查登记' }).click();
      await page.waitForURL('**/admin/registers/secrecy');
      await assertNoSeriousAxe(page, t, 'secrecy register');
      await page.getByLabel('结果').selectOption('退回');
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL(/result=/);
      const results = await page.locator('table.list tbody .quota-status').allTextContents();
      assert.ok(results.length > 0, 'the demo has returned reviews');
      for (const r of results) assert.equal(r, '退回');
      await page.goto('/admin/registers/attributes');
      await assertNoSeriousAxe(page, t, 'attribute register');
    });
  });

  test('a citizen files a complaint; the office sees it and the work records', async (t) => {
    const page = await newPage(browser);
    await withArtifacts('browser complaint', page, async () => {
      await page.goto('/cxswj/');
      await page.getByRole('link', { name: '投诉举报' }).first().click();
      await page.waitForURL('**/complaints/cxswj/new');
      await assertNoSeriousAxe(page, t, 'public complaint form');
      await page.getByLabel('举报').check();
      await page.getByRole('button', { name: '提交' }).click();
      await page.waitForSelector('.error-summary');
      assert.equal(await page.getByLabel(/^内容/).getAttribute('aria-invalid'), 'true');
      await page.getByLabel(/^内容/).fill('某科室的办事指南长期未更新。');
      await page.getByRole('button', { name: '提交' }).click();
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: '投诉举报已提交' }).waitFor());
      const ref = (await page.locator('.notice strong').textContent()).trim();
      assert.match(ref, /^TS\d{8}-[0-9A-F]{6}$/);

      const office = await newPage(browser);
      await login(office, 'office');
      await office.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '投诉举报' }).click();
      await assert.doesNotReject(office.getByRole('link', { name: ref }).waitFor());
      await assertNoSeriousAxe(office, t, 'complaints list');
      await office.getByRole('link', { name: ref }).click();
      await assertNoSeriousAxe(office, t, 'complaint page');
      await office.goto('/admin/work-records');
      await assert.doesNotReject(office.getByRole('heading', { name: '年报概述可用的表述' }).waitFor());
      await assertNoSeriousAxe(office, t, 'work records');
    });
  });
});

describe('quota and assessment pages on a 360 px wide screen', () => {
  for (const [what, role, url] of [['quota table', 'office', '/admin/quota'],
                                   ['department quota page', 'liaison', null],
                                   ['assessment', 'office', `/admin/assessment?period=${year}`],
                                   ['secrecy register', 'office', '/admin/registers/secrecy'],
                                   ['complaints', 'office', '/admin/complaints'],
                                   ['work records', 'office', '/admin/work-records'],
                                   ['public complaint form', null, '/complaints/cxswj/new']]) {
    test(`${what}: no horizontal scroll, no serious axe violation`, async (t) => {
      const page = await newPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      await withArtifacts(`360 ${what}`, page, async () => {
        if (role) await login(page, role);
        if (url) {
          assert.equal((await page.goto(url)).status(), 200);
        } else {
          await page.goto(await page.getByRole('link', { name: '本科室报送' }).getAttribute('href'));
        }
        const o = await horizontalOverflow(page);
        assert.equal(o.overflow, false, `page is ${o.scrollWidth}px wide in a ${o.clientWidth}px viewport; too wide: ${o.wide.join(', ')}`);
        await assertNoSeriousAxe(page, t, `${what} at 360 px`);
      });
      await page.context().close();
    });
  }
});
