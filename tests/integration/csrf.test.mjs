// Every POST carries the form's _csrf token; without it or with a wrong one the server refuses
// with 403 and changes nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Client, USERS, PASSWORD, createDraft, csrfOf, signedIn, validItemForm } from '../lib/gk.mjs';

const REFUSED = /页面已过期或来源不明/;

describe('CSRF before log-in', () => {
  test('log-in without _csrf is 403', async () => {
    const c = new Client();
    await c.get('/admin/login');
    const r = await c.request('POST', '/admin/login', { form: { username: USERS.liaison, password: PASSWORD } });
    assert.equal(r.status, 403);
    assert.match(r.text, REFUSED);
    assert.ok(!c.cookies.has('gk_session'));
  });

  test('log-in with a wrong _csrf is 403', async () => {
    const c = new Client();
    await c.get('/admin/login');
    const r = await c.request('POST', '/admin/login', {
      form: { _csrf: 'f'.repeat(32), username: USERS.liaison, password: PASSWORD },
    });
    assert.equal(r.status, 403);
    assert.ok(!c.cookies.has('gk_session'));
  });

  test('log-in with a token but no gk_precsrf cookie is 403 (cross-site form)', async () => {
    const page = await new Client().get('/admin/login');
    const token = csrfOf(page.text);
    const bare = new Client();
    const r = await bare.request('POST', '/admin/login', { form: { _csrf: token, username: USERS.liaison, password: PASSWORD } });
    assert.equal(r.status, 403);
  });
});

describe('CSRF when signed in', () => {
  test('creating an item without _csrf is 403 and saves nothing', async () => {
    const c = await signedIn('liaison');
    const form = await validItemForm(c, { title: 'CSRF无令牌测试标题' });
    delete form._csrf;
    const r = await c.request('POST', '/admin/items', { form });
    assert.equal(r.status, 403);
    assert.match(r.text, REFUSED);
    const list = await c.get('/admin/drafts');
    assert.doesNotMatch(list.text, /CSRF无令牌测试标题/);
  });

  test('a wrong _csrf, an empty one, or another session\'s token is 403', async () => {
    const c = await signedIn('liaison');
    const other = await signedIn('liaison');
    const form = await validItemForm(c);
    for (const bad of ['', 'x', '0'.repeat(32), other.csrf, c.cookies.get('gk_session')]) {
      const r = await c.post('/admin/items', { ...form, _csrf: bad });
      assert.equal(r.status, 403, `token ${JSON.stringify(bad.slice(0, 8))}`);
    }
    // The pre-login cookie's token is no good once signed in.
    const pre = await new Client().get('/admin/login');
    c.cookies.set('gk_precsrf', csrfOf(pre.text));
    assert.equal((await c.post('/admin/items', { ...form, _csrf: csrfOf(pre.text) })).status, 403);
  });

  test('workflow actions need the token too', async () => {
    const liaison = await signedIn('liaison');
    const { itemId, revId } = await createDraft(liaison);
    const r = await liaison.post(`/admin/revisions/${revId}/submit`, { _csrf: null });
    assert.equal(r.status, 403);
    const page = await liaison.get(`/admin/items/${itemId}`);
    assert.ok(page.text.includes(`action="/admin/revisions/${revId}/submit"`), 'still a draft');
    const out = await liaison.post('/admin/logout', { _csrf: 'nope' });
    assert.equal(out.status, 403, 'even log-out');
    assert.equal((await liaison.get('/admin')).status, 200, 'still signed in');
  });
});
