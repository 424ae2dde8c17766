// axe-core (WCAG 2.0/2.1 A and AA) on every type of back-office page, in Debian's Chromium:
// any serious or critical violation fails the test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { createDraft, signedIn } from '../lib/gk.mjs';
import { assertNoSeriousAxe, launch, newPage, signedInPage, withArtifacts } from '../lib/browser.mjs';

let browser;
let pages = {};
let draft;        // a draft waiting for the head's review: {itemId, revId}
let publishedId;

before(async () => {
  browser = await launch();
  // Data through HTTP: a draft submitted for review, so the item page shows the review forms.
  const liaison = await signedIn('liaison');
  draft = await createDraft(liaison);
  await liaison.post(`/admin/revisions/${draft.revId}/submit`, { comment: '请审核' });
  const list = await liaison.get('/admin/items?status=published');
  publishedId = Number(list.text.match(/href="\/admin\/items\/(\d+)"/)[1]);
  for (const role of ['liaison', 'head', 'office', 'admin']) pages[role] = await signedInPage(browser, role);
});

after(async () => { await browser?.close(); });

async function check(t, page, url, what, status = 200) {
  await withArtifacts(`axe ${what}`, page, async () => {
    const res = await page.goto(url);
    assert.equal(res.status(), status, `GET ${url}`);
    await assertNoSeriousAxe(page, t, what);
  });
}

describe('axe-core: no serious or critical violations', () => {
  test('log-in page', async (t) => {
    const page = await newPage(browser);
    await check(t, page, '/admin/login', 'log-in page');
    // And with the failed log-in message shown.
    await page.getByLabel('用户名').fill('cxswj.nobody');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForSelector('.error-summary');
    await withArtifacts('axe log-in error', page, () => assertNoSeriousAxe(page, t, 'log-in page with an error'));
    await page.context().close();
  });

  test('work bench (home)', (t) => check(t, pages.liaison, '/admin', 'work bench'));
  test('my drafts', (t) => check(t, pages.liaison, '/admin/drafts', 'my drafts'));
  test('waiting for my review', (t) => check(t, pages.head, '/admin/reviews', 'reviews list'));
  test('items list with filters and pager', (t) => check(t, pages.liaison, '/admin/items?status=published&page=2', 'items list'));
  test('items list, nothing found', (t) => check(t, pages.liaison, '/admin/items?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E6%A0%87%E9%A2%98', 'empty items list'));
  test('new item form', (t) => check(t, pages.liaison, '/admin/items/new', 'new item form'));

  test('new item form with validation errors', async (t) => {
    const page = pages.liaison;
    await page.goto('/admin/items/new');
    await page.getByLabel('标题').fill('');
    await page.getByLabel('生成日期').fill('2013-02-30');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForSelector('.error-summary');
    await withArtifacts('axe form errors', page, () => assertNoSeriousAxe(page, t, 'new item form with errors'));
  });

  test('item page: draft with the author\'s actions', (t) => check(t, pages.liaison, `/admin/items/${draft.itemId}`, 'item page (author)'));
  test('item page: the reviewer\'s approve and return forms', (t) => check(t, pages.head, `/admin/items/${draft.itemId}`, 'item page (reviewer)'));
  test('item page: published, with the office\'s actions', (t) => check(t, pages.office, `/admin/items/${publishedId}`, 'item page (office)'));
  test('edit form', (t) => check(t, pages.liaison, `/admin/revisions/${draft.revId}/edit`, 'edit form'));
  test('annual report with the office\'s forms', (t) => check(t, pages.office, '/admin/reports?year=2013&layout=2021', 'annual report (office)'));
  test('appeal form', (t) => check(t, pages.office, '/admin/appeals/new', 'appeal form'));
  test('letter wording: form with preview, then an error beside the field', async (t) => {
    const page = pages.office;
    await check(t, page, '/admin/letter-templates/decision.denied.4', 'letter template form');
    await page.getByLabel('告知书正文').fill('{机关名称}');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForSelector('.error-summary');
    await withArtifacts('axe letter template error', page, () => assertNoSeriousAxe(page, t, 'letter template form with an error'));
  });
  test('statistics with charts', (t) => check(t, pages.office, '/admin/statistics?year=2013', 'statistics'));
  test('error page: not found', (t) => check(t, pages.liaison, '/admin/no-such-page', '404 page', 404));
  test('error page: forbidden', (t) => check(t, pages.liaison, '/admin/reviews', '403 page', 403));
  test('error page: signed out', async (t) => {
    const page = await newPage(browser);
    await check(t, page, '/no-such-page', 'signed-out 404 page', 404);
    await page.context().close();
  });

  test('every other back-office page linked for the administrator', async (t) => {
    const page = pages.admin;
    await page.goto('/admin');
    const known = new Set(['/admin', '/admin/drafts', '/admin/reviews', '/admin/items', '/admin/items/new']);
    const links = await page.$$eval('a[href^="/admin"]', (as) => [...new Set(as.map((a) => a.getAttribute('href').split('#')[0]))]);
    const extra = links.filter((l) => !known.has(l.split('?')[0]));
    t.diagnostic(`extra pages: ${extra.join(' ') || 'none'}`);
    for (const l of extra) {
      const res = await page.goto(l);
      if (res.status() !== 200) continue;
      await withArtifacts(`axe ${l}`, page, () => assertNoSeriousAxe(page, t, l));
    }
  });
});
