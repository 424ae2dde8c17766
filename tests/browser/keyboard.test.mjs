// Keyboard-only use and narrow screens: log-in with Tab and Enter, the skip link, visible
// focus, and no sideways scrolling at 360 px on the log-in page and the items list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, USERS, createDraft, signedIn } from '../lib/gk.mjs';
import { horizontalOverflow, launch, login, newPage, withArtifacts } from '../lib/browser.mjs';

let browser;
before(async () => {
  browser = await launch();
  // A draft with a long unbroken Latin title, the usual cause of sideways scrolling on phones
  // (shown by the list of drafts below).
  await createDraft(await signedIn('liaison'), { title: `关于Supercalifragilisticexpialidocious${'W'.repeat(40)}的通知` });
});
after(async () => { await browser?.close(); });

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute('name'), text: (e.textContent || '').trim(), cls: e.className };
});

// Presses Tab until fn(focused) holds; returns the number of presses.
async function tabTo(page, fn, max = 15) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (fn(await focused(page))) return i;
  }
  throw new Error(`not reached with ${max} Tab presses; focus on ${JSON.stringify(await focused(page))}`);
}

describe('keyboard', () => {
  test('log-in with the keyboard only (Tab, typing, Enter)', async () => {
    const page = await newPage(browser);
    await withArtifacts('keyboard login', page, async () => {
      await page.goto('/admin/login');
      const presses = await tabTo(page, (f) => f.id === 'username');
      assert.ok(presses <= 3, `the username field is among the first stops (${presses} Tab presses)`);
      await page.keyboard.type(USERS.liaison);
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).id, 'password', 'Tab moves from the username to the password');
      await page.keyboard.type(PASSWORD);
      await Promise.all([page.waitForURL('**/admin'), page.keyboard.press('Enter')]);
      assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /工作台/);
      // On, by keyboard: Tab reaches the navigation and Enter follows a link.
      await tabTo(page, (f) => f.tag === 'a' && f.text === '信息目录');
      await Promise.all([page.waitForURL('**/admin/items'), page.keyboard.press('Enter')]);
      // And log out with the keyboard.
      await tabTo(page, (f) => f.tag === 'button' && f.text === '退出');
      await Promise.all([page.waitForURL('**/admin/login'), page.keyboard.press('Enter')]);
    });
    await page.context().close();
  });

  test('a wrong password by keyboard shows the message, and focus can go on', async () => {
    const page = await newPage(browser);
    await withArtifacts('keyboard login error', page, async () => {
      await page.goto('/admin/login');
      await tabTo(page, (f) => f.id === 'username');
      await page.keyboard.type(USERS.fail);
      await page.keyboard.press('Tab');
      await page.keyboard.type('wrong-password-1');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.error-summary');
      assert.match(await page.getByRole('alert').textContent(), /用户名或密码不正确/);
      assert.equal(await page.getByLabel('用户名').inputValue(), USERS.fail, 'the username is kept');
    });
    await page.context().close();
  });

  test('the skip link is the first stop, becomes visible and moves focus to the main content', async () => {
    const page = await newPage(browser);
    await withArtifacts('skip link', page, async () => {
      await login(page, 'liaison');
      await page.goto('/admin/items');
      await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.equal(f.text, '跳到主要内容', `first Tab stop: ${JSON.stringify(f)}`);
      const box = await page.locator('a.skip').boundingBox();
      const vp = page.viewportSize();
      assert.ok(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.height > 10, `visible when focused: ${JSON.stringify(box)}`);
      await page.keyboard.press('Enter');
      assert.equal(new URL(page.url()).hash, '#main');
      assert.equal((await focused(page)).id, 'main', 'focus is on <main>');
      // The next Tab lands inside the main content (the filter form), not in the header.
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => document.getElementById('main').contains(document.activeElement));
      assert.ok(inside, `next Tab stays in main: ${JSON.stringify(await focused(page))}`);
    });
    await page.context().close();
  });

  test('focus is visible on links, fields and buttons', async () => {
    const page = await newPage(browser);
    await withArtifacts('focus visible', page, async () => {
      await page.goto('/admin/login');
      for (const id of ['username', 'password']) {
        await tabTo(page, (f) => f.id === id);
        const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
        assert.notEqual(outline, 'none', `#${id} shows focus`);
      }
      await tabTo(page, (f) => f.tag === 'button');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', 'the button shows focus');
    });
    await page.context().close();
  });
});

describe('360 px wide screen', () => {
  for (const [what, role, url] of [['log-in page', null, '/admin/login'],
                                   ['items list', 'liaison', '/admin/items'],
                                   ['items list, filtered, page 2', 'liaison', '/admin/items?status=published&page=2'],
                                   ['items list of drafts (long title)', 'liaison', '/admin/items?status=draft&q=Supercalifragilistic']]) {
    test(`${what}: no horizontal scroll`, async () => {
      const page = await newPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      await withArtifacts(`360 ${what}`, page, async () => {
        if (role) await login(page, role);
        const res = await page.goto(url);
        assert.equal(res.status(), 200);
        const o = await horizontalOverflow(page);
        assert.equal(o.overflow, false, `page is ${o.scrollWidth}px wide in a ${o.clientWidth}px viewport; too wide: ${o.wide.join(', ')}`);
      });
      await page.context().close();
    });
  }
});
