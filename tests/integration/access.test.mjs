// Who may see and do what: every back-office page sends a signed-out visitor to the log-in
// page, and a table of routes × roles checks the role guard of each route.
import assert from 'node:assert/strict';
import { describe, test, before } from 'node:test';

import { Client, USERS, assertRedirect, createDraft, csrfOf, signedIn } from '../lib/gk.mjs';

const ROLES = ['admin', 'office', 'liaison', 'head', 'leader', 'secrecy', 'clerk'];
const DRAFTERS = ['liaison', 'office', 'head', 'leader', 'admin'];
const REVIEWERS = ['head', 'leader', 'secrecy'];
const STAFF = ['liaison', 'office', 'head', 'leader', 'secrecy', 'admin'];
const OFFICE = ['office'];

let sessions = {};
let draft = {};       // a draft by the liaison: {itemId, revId}
let publishedId = 0;  // a demo item

before(async () => {
  for (const r of ROLES) sessions[r] = await signedIn(r);
  draft = await createDraft(sessions.liaison);
  const list = await sessions.office.get('/admin/items?status=published');
  publishedId = Number(list.text.match(/href="\/admin\/items\/(\d+)"/)[1]);
});

// Links to back-office pages on a page (same site, GET), without the fragment.
function adminLinks(html) {
  return [...html.matchAll(/href="(\/admin[^"#]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

describe('signed out', () => {
  test('every back-office page redirects to the log-in page, remembering where it was', async () => {
    const paths = new Set([
      '/admin', '/admin/drafts', '/admin/reviews', '/admin/items', '/admin/items/new',
      `/admin/items/${publishedId}`, `/admin/items/${draft.itemId}`, `/admin/revisions/${draft.revId}/edit`,
      '/admin/items/99999999',
    ]);
    // Plus every back-office link any role is shown (pages added later are covered too).
    for (const r of ROLES) {
      for (const p of ['/admin', `/admin/items/${publishedId}`]) {
        const page = await sessions[r].get(p);
        if (page.status === 200) for (const l of adminLinks(page.text)) paths.add(l);
      }
    }
    paths.delete('/admin/login');
    assert.ok(paths.size >= 9);
    const anon = new Client();
    for (const p of paths) {
      const r = await anon.get(p);
      const path = p.split('?')[0];
      assertRedirect(r, `signed-out GET ${p}`, `/admin/login?next=${encodeURIComponent(path)}`);
      assert.equal(r.text, '', 'nothing of the page is sent');
    }
  });

  test('the redirect leads back after log-in', async () => {
    const c = new Client();
    const r = await c.get('/admin/reviews');
    const login = await c.get(r.location);
    assert.equal(login.status, 200);
    assert.match(login.text, /name="next" value="\/admin\/reviews"/);
    const post = await c.request('POST', '/admin/login', {
      form: { _csrf: csrfOf(login.text), next: '/admin/reviews', username: USERS.head, password: process.env.GK_TEST_PASSWORD || 'Gongkai-Test-2024' },
    });
    assertRedirect(post, 'log-in with next', '/admin/reviews');
    assert.equal((await c.get('/admin/reviews')).status, 200);
  });

  test('signed-out POSTs change nothing: 403 without a token, 401 with the log-in page\'s token', async () => {
    const posts = ['/admin/items', `/admin/revisions/${draft.revId}/submit`, `/admin/revisions/${draft.revId}/approve`,
                   `/admin/items/${publishedId}/withdraw`, '/admin/logout'];
    for (const p of posts) {
      assert.equal((await new Client().request('POST', p, { form: { comment: 'x' } })).status, 403, `POST ${p} bare`);
      const c = new Client();
      const token = csrfOf((await c.get('/admin/login')).text);
      const r = await c.request('POST', p, { form: { _csrf: token, comment: 'x' } });
      assert.equal(r.status, 401, `POST ${p} with the pre-log-in token`);
      assert.match(r.text, /请先登录/);
    }
    const page = await sessions.liaison.get(`/admin/items/${draft.itemId}`);
    assert.ok(page.text.includes(`/admin/revisions/${draft.revId}/submit`), 'the draft was not submitted');
  });
});

describe('role guard of every route', () => {
  const gets = () => [
    ['/admin', ROLES],
    ['/admin/drafts', DRAFTERS],
    ['/admin/reviews', REVIEWERS],
    ['/admin/items', STAFF],
    ['/admin/items/new', DRAFTERS],
    [`/admin/items/${publishedId}`, STAFF],
  ];
  for (const role of ROLES) {
    test(`GET pages as ${role}`, async () => {
      for (const [path, allowed] of gets()) {
        const r = await sessions[role].get(path);
        assert.equal(r.status, allowed.includes(role) ? 200 : 403, `${role} GET ${path}`);
      }
      const edit = await sessions[role].get(`/admin/revisions/${draft.revId}/edit`);
      if (!DRAFTERS.includes(role)) assert.equal(edit.status, 403, `${role} GET edit`);
    });
  }

  // POST routes with ids that do not exist: a role the route admits gets past the guard
  // (404 or 400 from the handler); any other role is stopped by it with 403.
  const posts = [
    ['/admin/items', DRAFTERS],
    ['/admin/items/99999999/new-version', DRAFTERS],
    ['/admin/items/99999999/withdraw', OFFICE],
    ['/admin/items/99999999/validity', OFFICE],
    ['/admin/revisions/99999999', DRAFTERS],
    ['/admin/revisions/99999999/submit', DRAFTERS],
    ['/admin/revisions/99999999/approve', REVIEWERS],
    ['/admin/revisions/99999999/return', REVIEWERS],
  ];
  for (const role of ROLES) {
    test(`POST actions as ${role}`, async () => {
      for (const [path, allowed] of posts) {
        const r = await sessions[role].post(path, {});
        if (allowed.includes(role)) {
          assert.ok([400, 404].includes(r.status), `${role} POST ${path}: expected 400/404 past the guard, got ${r.status}`);
        } else {
          assert.equal(r.status, 403, `${role} POST ${path}`);
          assert.match(r.text, /没有权限/);
        }
      }
    });
  }
});
