// Shared helpers of the integration and browser tests: the server under test, a small HTTP
// client with a cookie jar that speaks the back office's forms (CSRF included), and HTML
// scraping of the few things the tests need (hidden fields, select options, form actions).
import assert from 'node:assert/strict';

export const BASE = (process.env.GK_BASE_URL || '').replace(/\/+$/, '');
export const PASSWORD = process.env.GK_TEST_PASSWORD || 'Gongkai-Test-2024';
export const BACKEND = process.env.GK_BACKEND || 'unknown';

if (!BASE) {
  throw new Error('GK_BASE_URL is not set: run these tests through CTest (tests/run-node-test.sh), ' +
                  'or start a server with tests/start-server.sh and export GK_BASE_URL');
}

// Demo users (gongkai demo) and the test-only ones (tests/start-server.sh).
export const USERS = {
  admin: 'cxswj.admin',
  office: 'cxswj.office',
  liaison: 'cxswj.liaison',
  head: 'cxswj.head',
  leader: 'cxswj.leader',
  secrecy: 'cxswj.secrecy',
  clerk: 'cxswj.clerk',
  fail: 'cxswj.it-fail',
  lock: 'cxswj.it-lock',
};

// A string unique to this test process, so parallel tests on one server never collide.
export function unique(prefix = '') {
  return `${prefix}${process.pid.toString(36)}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

const decodeEntities = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

// Value of the first hidden _csrf field on a page.
export function csrfOf(html) {
  const m = html.match(/name="_csrf" value="([^"]*)"/);
  assert.ok(m, 'the page has a _csrf field');
  return m[1];
}

// Options of <select name="NAME"> as [{value, label, selected}], without the empty one.
export function selectOptions(html, name) {
  const m = html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`));
  assert.ok(m, `the form has a select ${name}`);
  const out = [];
  for (const o of m[1].matchAll(/<option value="([^"]*)"([^>]*)>([^<]*)<\/option>/g)) {
    if (o[1] !== '') out.push({ value: o[1], label: decodeEntities(o[3]), selected: /\bselected\b/.test(o[2]) });
  }
  return out;
}

// The revision id in the item page's workflow forms (/admin/revisions/ID/ACTION), if any.
export function revisionActionId(html, action) {
  const m = html.match(new RegExp(`action="/admin/revisions/(\\d+)/${action}"`));
  return m ? Number(m[1]) : null;
}

// Text of the item page's metadata row LABEL (e.g. 索引号).
export function metaValue(html, label) {
  const m = html.match(new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`));
  return m ? decodeEntities(m[1]) : null;
}

export function itemIdFromLocation(location) {
  const m = /\/admin\/items\/(\d+)$/.exec(location || '');
  assert.ok(m, `redirected to an item page (Location: ${location})`);
  return Number(m[1]);
}

export class Client {
  // `base`: another front for the same server (the nginx test), default the server itself.
  constructor(base = BASE) {
    this.base = base;
    this.cookies = new Map();
    this.csrf = null;
    this.lastSetCookies = [];
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  // One request, redirects not followed. `form` (object or [k, v] pairs) is sent urlencoded.
  async request(method, path, { form, headers = {}, body } = {}) {
    const h = { ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    let payload = body;
    if (form) {
      payload = new URLSearchParams(Array.isArray(form) ? form : Object.entries(form)).toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    this.lastSetCookies = res.headers.getSetCookie();
    for (const sc of this.lastSetCookies) {
      const [pair, ...attrs] = sc.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location'), setCookies: this.lastSetCookies };
  }

  get(path) { return this.request('GET', path); }

  // POST a form, adding the session's CSRF token unless `_csrf` is given (null: send none).
  async post(path, form = {}) {
    const f = { ...form };
    if (f._csrf === undefined) f._csrf = this.csrf ?? (await this.fetchCsrf());
    if (f._csrf === null) delete f._csrf;
    return this.request('POST', path, { form: f });
  }

  async fetchCsrf() {
    const r = await this.get('/admin');
    assert.equal(r.status, 200, 'signed in (GET /admin)');
    this.csrf = csrfOf(r.text);
    return this.csrf;
  }

  // The log-in form as a browser sends it; returns the POST's response.
  async tryLogin(username, password = PASSWORD, next) {
    const page = await this.get('/admin/login');
    assert.equal(page.status, 200, 'GET /admin/login');
    const form = { _csrf: csrfOf(page.text), username, password };
    if (next !== undefined) form.next = next;
    return this.request('POST', '/admin/login', { form });
  }

  async login(username, password = PASSWORD) {
    const r = await this.tryLogin(username, password);
    assertRedirect(r, `log-in of ${username}`);
    assert.ok(this.cookies.has('gk_session'), 'a session cookie is set');
    await this.fetchCsrf();
    return this;
  }
}

export async function signedIn(role) {
  return new Client().login(USERS[role] || role);
}

// Fields of a valid new item for `client` (a drafter), option ids read off GET /admin/items/new.
export async function validItemForm(client, overrides = {}) {
  const page = await client.get('/admin/items/new');
  assert.equal(page.status, 200, 'GET /admin/items/new');
  const pick = (name, required) => {
    const opts = selectOptions(page.text, name);
    if (required) assert.ok(opts.length > 0, `${name} has options`);
    return (opts.find((o) => o.selected) || opts[0] || { value: '' }).value;
  };
  return {
    _csrf: csrfOf(page.text),
    title: `关于做好${unique('测试')}商贸流通领域安全生产工作的通知`,
    doc_no: '慈商〔2013〕12号',
    creation_date: new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10),  // today in 北京时间
    keywords: '商贸 安全生产',
    summary: '部署商贸流通领域安全生产检查工作。',
    department_id: pick('department_id', true),
    class_id: pick('class_id', true),
    topic_id: pick('topic_id', false),
    genre_id: pick('genre_id', false),
    body_html: '<p>各有关单位：</p><p>为切实做好商贸流通领域安全生产工作，现将有关事项通知如下。</p>',
    ...overrides,
  };
}

// Creates a draft as `client`; returns {itemId, revId, form}.
export async function createDraft(client, overrides = {}) {
  const form = await validItemForm(client, overrides);
  const r = await client.post('/admin/items', form);
  assertRedirect(r, 'POST /admin/items saves the draft');
  const itemId = itemIdFromLocation(r.location);
  const page = await client.get(`/admin/items/${itemId}`);
  assert.equal(page.status, 200);
  const revId = revisionActionId(page.text, 'submit');
  assert.ok(revId, 'the author can submit the new draft');
  return { itemId, revId, form };
}

// A redirect (the back office answers a successful POST with 303 See Other).
export function assertRedirect(r, what, to) {
  assert.ok(r.status === 303 || r.status === 302, `${what}: expected a redirect, got ${r.status}: ${errorText(r.text)}`);
  if (to !== undefined) {
    if (to instanceof RegExp) assert.match(r.location, to, `${what}: Location`);
    else assert.equal(r.location, to, `${what}: Location`);
  }
}

// The visible error text of a page, for assertion messages.
export function errorText(html) {
  const m = html.match(/class="(?:error-summary|error-message)"[^>]*>([\s\S]*?)<\/(?:div|p)>/);
  return m ? m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : html.slice(0, 200);
}

// Drafts, submits and has every review step approve an item; returns {itemId, revId, indexNo, form}.
export async function publishItem(overrides = {}) {
  const liaison = await new Client().login(USERS.liaison);
  const { itemId, revId, form } = await createDraft(liaison, overrides);
  assertRedirect(await liaison.post(`/admin/revisions/${revId}/submit`, {}), 'submit');
  for (const role of ['head', 'leader', 'secrecy']) {
    const c = await new Client().login(USERS[role]);
    assertRedirect(await c.post(`/admin/revisions/${revId}/approve`, { comment: '同意' }), `approve as ${role}`);
  }
  const page = await liaison.get(`/admin/items/${itemId}`);
  const indexNo = metaValue(page.text, '索引号');
  assert.match(indexNo || '', /\d{4}-\d{5}$/, 'published with an index number');
  return { itemId, revId, indexNo, form };
}
