// Log-in, log-out, lock-out, session cookies and the security headers, over HTTP.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Client, USERS, PASSWORD, BASE, assertRedirect, csrfOf } from '../lib/gk.mjs';

const WRONG = 'not-the-password-1';

function cookieAttrs(setCookies, name) {
  const sc = setCookies.find((c) => c.startsWith(`${name}=`));
  assert.ok(sc, `Set-Cookie ${name} in ${JSON.stringify(setCookies)}`);
  return sc.split(';').slice(1).map((a) => a.trim().toLowerCase());
}

describe('log-in', () => {
  test('the log-in page sets the pre-session CSRF cookie and renders it into the form', async () => {
    const c = new Client();
    const r = await c.get('/admin/login');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8/i);
    assert.ok(c.cookies.has('gk_precsrf'), 'gk_precsrf cookie set');
    assert.equal(csrfOf(r.text), c.cookies.get('gk_precsrf'));
    assert.match(r.text, /<label for="username">用户名<\/label>/);
    assert.match(r.text, /<label for="password">密码<\/label>/);
  });

  test('the right password signs in and lands on the work bench', async () => {
    const c = new Client();
    const r = await c.tryLogin(USERS.liaison);
    assertRedirect(r, 'log-in', '/admin');
    const home = await c.get('/admin');
    assert.equal(home.status, 200);
    assert.match(home.text, /<h1>工作台<\/h1>/);
    assert.match(home.text, /联络员 陈晓/, 'shows who is signed in');
  });

  test('log-in goes back to the page asked for, but never off the site', async () => {
    const c = new Client();
    assertRedirect(await c.tryLogin(USERS.liaison, PASSWORD, '/admin/drafts'), 'next=/admin/drafts', '/admin/drafts');
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const d = new Client();
      assertRedirect(await d.tryLogin(USERS.liaison, PASSWORD, evil), `next=${evil}`, '/admin');
    }
  });

  test('a wrong password is refused with 401 and 用户名或密码不正确', async () => {
    const c = new Client();
    const r = await c.tryLogin(USERS.fail, WRONG);
    assert.equal(r.status, 401);
    assert.match(r.text, /用户名或密码不正确/);
    assert.ok(!c.cookies.has('gk_session'), 'no session cookie');
    assert.match(r.text, /value="cxswj\.it-fail"/, 'the username is kept in the form');
    assert.doesNotMatch(r.text, new RegExp(WRONG), 'the password is not echoed back');
    // The same message for a user that does not exist: nothing tells which names are real.
    const u = await new Client().tryLogin('cxswj.nobody-here', WRONG);
    assert.equal(u.status, 401);
    assert.match(u.text, /用户名或密码不正确/);
    // An empty form is the same refusal, not an error page.
    const e = await new Client().tryLogin('', '');
    assert.equal(e.status, 401);
  });

  test('five failures lock the account (429), even for the right password', async () => {
    for (let i = 1; i <= 5; i++) {
      const r = await new Client().tryLogin(USERS.lock, WRONG);
      assert.equal(r.status, 401, `failure ${i} is a plain refusal`);
      assert.match(r.text, /用户名或密码不正确/);
    }
    const locked = await new Client().tryLogin(USERS.lock, PASSWORD);
    assert.equal(locked.status, 429, 'the sixth attempt is refused as locked');
    assert.match(locked.text, /锁定/);
    const c = new Client();
    await c.tryLogin(USERS.lock, PASSWORD);
    assert.ok(!c.cookies.has('gk_session'), 'no session while locked');
    // Other users are not affected.
    assert.equal((await new Client().tryLogin(USERS.liaison)).status, 303);
  });

  test('log-out ends the session on the server', async () => {
    const c = await new Client().login(USERS.liaison);
    const token = c.cookies.get('gk_session');
    const r = await c.post('/admin/logout');
    assertRedirect(r, 'log-out', '/admin/login');
    assert.ok(!c.cookies.has('gk_session'), 'the cookie is cleared');
    // The old token no longer works even if a client kept it.
    const stale = new Client();
    stale.cookies.set('gk_session', token);
    const again = await stale.get('/admin');
    assertRedirect(again, 'old session', /^\/admin\/login\?next=/);
  });

  test('a forged or malformed session cookie is just "signed out"', async () => {
    for (const v of ['0'.repeat(64), 'abc', 'x'.repeat(5000)]) {
      const c = new Client();
      c.cookies.set('gk_session', v);
      const r = await c.get('/admin/drafts');
      assertRedirect(r, `cookie ${v.slice(0, 8)}`, /^\/admin\/login\?next=%2Fadmin%2Fdrafts$/);
    }
  });
});

describe('cookies', () => {
  test('the session cookie is HttpOnly, SameSite and scoped to the site', async () => {
    const c = new Client();
    const r = await c.tryLogin(USERS.liaison);
    assertRedirect(r, 'log-in');
    const attrs = cookieAttrs(r.setCookies, 'gk_session');
    assert.ok(attrs.includes('httponly'), `HttpOnly: ${attrs}`);
    assert.ok(attrs.some((a) => a === 'samesite=strict' || a === 'samesite=lax'), `SameSite: ${attrs}`);
    assert.ok(attrs.includes('path=/'), `Path=/: ${attrs}`);
    assert.equal(c.cookies.get('gk_session').length, 64, '256-bit random token');
  });

  test('the pre-session CSRF cookie is HttpOnly and SameSite too', async () => {
    const c = new Client();
    const r = await c.get('/admin/login');
    const attrs = cookieAttrs(r.setCookies, 'gk_precsrf');
    assert.ok(attrs.includes('httponly'), `HttpOnly: ${attrs}`);
    assert.ok(attrs.some((a) => a === 'samesite=strict' || a === 'samesite=lax'), `SameSite: ${attrs}`);
  });
});

describe('security headers', () => {
  const pages = [
    ['log-in page', null, '/admin/login', 200],
    ['work bench', USERS.liaison, '/admin', 200],
    ['items list', USERS.liaison, '/admin/items', 200],
    ['not found', USERS.liaison, '/admin/no-such-page', 404],
    ['stylesheet', null, '/static/gongkai.css', 200],
    ['redirect to log-in', null, '/admin/items', 303],
  ];
  for (const [name, user, path, status] of pages) {
    test(`${name}: CSP, X-Frame-Options, nosniff`, async () => {
      const c = user ? await new Client().login(user) : new Client();
      const r = await c.get(path);
      assert.equal(r.status, status);
      const csp = r.headers.get('content-security-policy') || '';
      assert.match(csp, /default-src 'self'/, `CSP: ${csp}`);
      assert.match(csp, /frame-ancestors 'none'/, `CSP: ${csp}`);
      assert.match(csp, /object-src 'none'/, `CSP: ${csp}`);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, `no unsafe script sources: ${csp}`);
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(r.headers.get('referrer-policy'), 'Referrer-Policy set');
    });
  }

  test('signed-in pages are not cached', async () => {
    const c = await new Client().login(USERS.liaison);
    const r = await c.get('/admin');
    assert.match(r.headers.get('cache-control') || '', /no-store/);
  });

  test('the server answers on the address the tests were given', () => {
    assert.match(BASE, /^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
