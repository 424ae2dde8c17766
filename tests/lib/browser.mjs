// Playwright helpers of the browser tests: Debian's Chromium (never a downloaded browser),
// log-in through the real form, axe-core checks, and a screenshot of the page when a test fails.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

import { BASE, PASSWORD, USERS } from './gk.mjs';

export const CHROMIUM = process.env.GK_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
              '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const ARTIFACTS = process.env.GK_ARTIFACTS_DIR || path.resolve('test-results');

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
}

// A fresh context (own cookies) and page, with the site's base URL and Chinese locale.
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ baseURL: BASE, locale: 'zh-CN', ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.consoleErrors = errors;
  return page;
}

export async function login(page, role) {
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(USERS[role] || role);
  await page.getByLabel('密码').fill(PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/admin/login')), page.getByRole('button', { name: '登录' }).click()]);
  assert.equal(new URL(page.url()).pathname, '/admin');
  return page;
}

export async function signedInPage(browser, role, options) {
  return login(await newPage(browser, options), role);
}

// Runs fn; on failure saves a screenshot and the HTML of `page` under the artifacts directory.
export async function withArtifacts(name, page, fn) {
  try {
    return await fn();
  } catch (e) {
    try {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const base = path.join(ARTIFACTS, `${name.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}-${process.env.GK_BACKEND || 'x'}`);
      await page.screenshot({ path: `${base}.png`, fullPage: true });
      fs.writeFileSync(`${base}.html`, await page.content());
      e.message += `\n(page ${page.url()}; screenshot ${base}.png)`;
    } catch { /* the page may be gone */ }
    throw e;
  }
}

// axe-core with the WCAG 2.0/2.1 A and AA rules; returns the violations of impact serious
// or critical (the ones that fail a test) and reports the rest as diagnostics.
export async function axeViolations(page, t) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of results.violations.filter((x) => !bad.includes(x))) {
    t?.diagnostic?.(`axe ${v.impact}: ${v.id} (${v.nodes.length}) on ${page.url()}`);
  }
  return bad;
}

export function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
    v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n')).join('\n');
}

export async function assertNoSeriousAxe(page, t, what) {
  const bad = await axeViolations(page, t);
  assert.equal(bad.length, 0, `axe found serious/critical WCAG 2.1 AA violations on ${what} (${page.url()}):\n${describeViolations(bad)}`);
}

// True when the page is wider than the viewport (it would scroll sideways).
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const el = document.scrollingElement || document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > el.clientWidth + 1)
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}`);
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, overflow: el.scrollWidth > el.clientWidth, wide };
  });
}
