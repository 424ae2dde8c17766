// The public portal, as far as links from its home page reach: axe-core (WCAG 2.0/2.1 A and
// AA, serious or critical fails) and no sideways scrolling on a 360 px wide screen.
// Pages are found by following links, so new portal pages are covered without editing this.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { publishItem } from '../lib/gk.mjs';
import { assertNoSeriousAxe, horizontalOverflow, launch, newPage, withArtifacts } from '../lib/browser.mjs';

const MAX_PAGES = 25;
let browser;
let urls = [];

before(async () => {
  browser = await launch();
  // An item whose title and body have long unbroken Latin text and a long URL, the usual
  // cause of sideways scrolling on phones; its public page is checked along with the crawl.
  const long = await publishItem({
    title: `关于公布Supercalifragilisticexpialidocious${'X'.repeat(40)}名单的通知`,
    body_html: `<p>详见 https://www.example.gov.cn/${'very-long-path-segment-'.repeat(6)}index.html 及附表。</p>` +
               '<table><tr><th>序号</th><th>企业名称</th><th>统一社会信用代码</th><th>地址</th><th>联系电话</th></tr>' +
               '<tr><td>1</td><td>慈溪市某某商贸有限公司</td><td>91330282MA2H123456</td><td>慈溪市浒山街道某某路100号</td><td>0574-63000000</td></tr></table>',
  });
  const page = await newPage(browser);
  const seen = new Set(['/']);
  const queue = ['/'];
  // Breadth-first over same-site HTML pages; one page per kind of path (e.g. one item page).
  const kinds = new Set();
  const kind = (u) => u.split('?')[0].replace(/\/items\/.*/, '/items/*').replace(/\d+/g, 'N');
  while (queue.length && urls.length < MAX_PAGES) {
    const u = queue.shift();
    const res = await page.goto(u);
    if (!res || res.status() !== 200 || !(res.headers()['content-type'] || '').startsWith('text/html')) continue;
    urls.push(u);
    const links = await page.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href').split('#')[0]));
    for (const l of links) {
      if (!l || l.startsWith('//') || /^\/(admin|static|attachments)\b|\.(atom|xml|txt|pdf|docx?|xlsx?|zip)$/.test(l)) continue;
      if (seen.has(l) || kinds.has(kind(l))) continue;
      seen.add(l);
      kinds.add(kind(l));
      queue.push(l);
    }
  }
  await page.context().close();
  const itemUrl = `/items/${long.indexNo}`;
  if (!urls.includes(itemUrl)) urls.push(itemUrl);
});

after(async () => { await browser?.close(); });

describe('public portal', () => {
  test('the crawl found the portal\'s pages', (t) => {
    t.diagnostic(`pages: ${urls.join(' ')}`);
    assert.ok(urls.length >= 3, `found ${urls.length} pages`);
    assert.ok(urls.some((u) => u.startsWith('/items/')), 'an item page was reached');
  });

  test('axe-core: no serious or critical violations', async (t) => {
    const page = await newPage(browser);
    for (const u of [...urls, '/no-such-agency/no-such-page']) {
      await withArtifacts(`portal axe ${u}`, page, async () => {
        await page.goto(u);
        await assertNoSeriousAxe(page, t, `portal page ${u}`);
      });
    }
    await page.context().close();
  });

  test('360 px wide: no horizontal scroll', async () => {
    const page = await newPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    for (const u of urls) {
      await withArtifacts(`portal 360 ${u}`, page, async () => {
        await page.goto(u);
        const o = await horizontalOverflow(page);
        assert.equal(o.overflow, false, `${u} is ${o.scrollWidth}px wide in ${o.clientWidth}px; too wide: ${o.wide.join(', ')}`);
      });
    }
    await page.context().close();
  });
});
