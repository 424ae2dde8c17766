// The request API end to end: a request submitted as JSON (once, however often it is sent)
// reaches the clerk's work list, the clerk records a decision and issues its notice letter,
// and the applicant's status shows the decision through the API.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';

import { BASE, assertRedirect, signedIn } from '../lib/gk.mjs';

const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);  // 北京时间

function submission(overrides = {}) {
  return {
    agency: 'cxswj',
    applicant_kind: 'commercial',
    applicant_name: '李四',
    organisation: '慈溪市某某贸易有限公司',
    email: 'lisi@example.com',
    description: `接口测试：2013年度外贸出口专项资金分配结果 ${randomBytes(4).toString('hex')}`,
    delivery_form: 'electronic',
    delivery_method: 'email',
    id_type: 'credit_code',
    id_number: '91330282MA2AB1234P',
    ...overrides,
  };
}

async function submit(body, key, headers = {}) {
  const res = await fetch(`${BASE}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

describe('request API', () => {
  test('submit, repeat, handle, answer, read the status', async () => {
    const key = randomBytes(16).toString('hex');
    const body = submission();
    const first = await submit(body, key);
    assert.equal(first.status, 201, JSON.stringify(first.json));
    const { tracking_code: code, secret } = first.json;
    assert.match(code, /^[2-9A-HJKMNP-Z]{8}$/);
    assert.equal(first.json.received_on, today());

    const again = await submit(body, key);
    assert.equal(again.status, 200);
    assert.equal(again.json.tracking_code, code);
    assert.equal(again.json.repeated, true);

    const clerk = await signedIn('clerk');
    const list = await clerk.get('/admin/requests?list=new');
    assert.equal(list.status, 200);
    const m = list.text.match(new RegExp(`href="/admin/requests/(\\d+)">${code}<`));
    assert.ok(m, 'the new request is on the clerk\'s list, once');
    assert.equal(list.text.split(`>${code}<`).length - 1, 1);
    const id = m[1];

    const decided = await clerk.post(`/admin/requests/${id}/events`, { kind: 'decided', date: today(), outcome: 'granted' });
    assertRedirect(decided, 'recording the decision');
    const page = await clerk.get(`/admin/requests/${id}`);
    assert.match(page.text, /政府信息公开申请答复告知书/);
    const letter = page.text.match(new RegExp(`href="(/admin/requests/${id}/letters/\\d+)">政府信息公开申请答复告知书`));
    assert.ok(letter, 'the answer letter is listed');
    const pdf = await clerk.get(`${letter[1]}?format=pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assertRedirect(await clerk.post(`${letter[1]}/issue`), 'issuing the letter');
    assert.match((await clerk.get(`/admin/requests/${id}`)).text, /已出具《政府信息公开申请答复告知书》/);

    const status = await fetch(`${BASE}/api/v1/requests/${code}?secret=${encodeURIComponent(secret)}`);
    assert.equal(status.status, 200);
    const s = await status.json();
    assert.equal(s.state, 'decided');
    assert.deepEqual(s.events.map((e) => e.label), ['收到申请', '作出答复']);
    assert.ok(!JSON.stringify(s).includes('91330282'), 'no identity number in the status');
  });

  test('errors are JSON with codes', async () => {
    const bad = await submit(submission({ id_number: '123' }), randomBytes(16).toString('hex'));
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, 'invalid');
    assert.match(bad.json.error.fields.id_number, /统一社会信用代码不正确/);
    assert.equal((await submit(submission(), '')).json.error.code, 'idempotency_key_required');
    assert.equal((await submit('{', randomBytes(16).toString('hex'))).json.error.code, 'bad_json');
    const wrong = await fetch(`${BASE}/api/v1/requests/ABCDEFGH?secret=2222-2222-2222`);
    assert.equal(wrong.status, 404);
    assert.equal((await wrong.json()).error.code, 'not_found');
  });
});
