// The review workflow (发布审核制度) through HTTP, as the users of the demo agency do it:
// a liaison drafts and submits, the department head, the supervising leader and the
// confidentiality reviewer approve, and the item is published with its 索引号 and history.
// Also: return with a reason and resubmission, validation messages, XSS in the body.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  assertRedirect, createDraft, errorText, metaValue, revisionActionId, signedIn, unique, validItemForm,
} from '../lib/gk.mjs';

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function itemPage(client, itemId) {
  const r = await client.get(`/admin/items/${itemId}`);
  assert.equal(r.status, 200, `GET /admin/items/${itemId}`);
  return r.text;
}

function statusLine(html) {
  const m = html.match(/<p class="status">([\s\S]*?)<\/p>/);
  return m ? m[1].replace(/<[^>]+>/g, '') : '';
}

// Rows of the 审核与操作记录 table as [time, actor, action, comment].
function history(html) {
  const i = html.indexOf('审核与操作记录');
  assert.ok(i >= 0, 'the item page has the history section');
  const table = html.slice(i, html.indexOf('</table>', i));
  return [...table.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => m.slice(1));
}

async function approve(client, revId, itemId, comment) {
  const page = await itemPage(client, itemId);
  assert.equal(revisionActionId(page, 'approve'), revId, 'the reviewer is offered the approve form');
  const r = await client.post(`/admin/revisions/${revId}/approve`, { comment });
  assertRedirect(r, `approve as ${comment}`, `/admin/items/${itemId}`);
  return itemPage(client, itemId);
}

describe('review workflow', () => {
  test('draft → submit → head → leader → secrecy → published with 索引号 and history', async () => {
    const liaison = await signedIn('liaison');
    const head = await signedIn('head');
    const leader = await signedIn('leader');
    const secrecy = await signedIn('secrecy');

    const { itemId, revId, form } = await createDraft(liaison);
    let page = await itemPage(liaison, itemId);
    assert.match(page, new RegExp(`<h1>${esc(form.title)}</h1>`));
    assert.equal(metaValue(page, '索引号'), '（发布时生成）', 'no index number before publication');
    assert.match(statusLine(page), /草稿/);
    assert.equal(metaValue(page, '文号'), form.doc_no);
    assert.equal(metaValue(page, '主题词'), form.keywords);
    assert.equal(metaValue(page, '生成日期'), form.creation_date);
    assert.match((await liaison.get('/admin/drafts')).text, new RegExp(esc(form.title)), 'in 我的草稿');

    // Nobody reviews a draft that was not submitted.
    assert.equal(revisionActionId(await itemPage(head, itemId), 'approve'), null);

    const sub = await liaison.post(`/admin/revisions/${revId}/submit`, { comment: '请审核' });
    assertRedirect(sub, 'submit', `/admin/items/${itemId}`);
    page = await itemPage(liaison, itemId);
    assert.match(statusLine(page), /待科室负责人审核/);
    assert.equal(revisionActionId(page, 'submit'), null, 'no second submit');

    // The head's work list shows it; the leader's does not yet.
    assert.match((await head.get('/admin/reviews')).text, new RegExp(esc(form.title)));
    assert.doesNotMatch((await leader.get('/admin/reviews')).text, new RegExp(esc(form.title)));
    // Out of turn: the leader may not approve the head's step, the liaison no step at all.
    assert.equal((await leader.post(`/admin/revisions/${revId}/approve`, { comment: 'x' })).status, 403);
    assert.equal((await liaison.post(`/admin/revisions/${revId}/approve`, { comment: 'x' })).status, 403);

    page = await approve(head, revId, itemId, '科室意见：同意');
    assert.match(statusLine(page), /待分管领导审核/);
    assert.match((await leader.get('/admin/reviews')).text, new RegExp(esc(form.title)));
    page = await approve(leader, revId, itemId, '领导意见：同意发布');
    assert.match(statusLine(page), /待保密审查/);
    page = await approve(secrecy, revId, itemId, '经审查不涉密');

    assert.match(statusLine(page), /已发布/);
    const indexNo = metaValue(page, '索引号');
    assert.ok(indexNo && indexNo !== '（发布时生成）', `索引号 generated: ${indexNo}`);
    assert.match(indexNo, /\d{4}-\d{5}$/, `索引号 ends with YYYY-NNNNN: ${indexNo}`);
    assert.notEqual(metaValue(page, '发布日期'), '—');

    const rows = history(page);
    const actions = rows.map((r) => r[2]);
    const expected = ['起草', '提交审核', '审核通过（科室负责人审核）', '审核通过（分管领导审核）', '审核通过（保密审查）', '发布'];
    let at = 0;
    for (const a of expected) {
      const i = actions.findIndex((x, k) => k >= at && x.startsWith(a));
      assert.ok(i >= 0, `history has ${a} after ${expected[expected.indexOf(a) - 1] || 'the start'}: ${JSON.stringify(actions)}`);
      at = i + 1;
    }
    const who = rows.map((r) => r[1]).join(' ');
    for (const name of ['联络员 陈晓', '科长 李军', '副局长 张伟', '保密审查 刘芳']) assert.match(who, new RegExp(name));
    const comments = rows.map((r) => r[3]).join(' ');
    for (const c of ['请审核', '科室意见：同意', '领导意见：同意发布', '经审查不涉密']) assert.match(comments, new RegExp(c));
    for (const r of rows) assert.match(r[0], /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, `time ${r[0]}`);

    // The catalog lists it as published under its index number; nobody can approve it again.
    const list = await liaison.get(`/admin/items?status=published&q=${encodeURIComponent(form.title)}`);
    assert.equal(list.status, 200);
    assert.match(list.text, /共 1 条/);
    assert.match(list.text, new RegExp(`<td>${esc(indexNo)}</td><td><a href="/admin/items/${itemId}">`));
    const again = await secrecy.post(`/admin/revisions/${revId}/approve`, { comment: '再次' });
    assert.ok(again.status === 409 || again.status === 403, `approving a published revision: ${again.status}`);
  });

  test('a reviewer returns with a reason; the author revises and resubmits', async () => {
    const liaison = await signedIn('liaison');
    const head = await signedIn('head');
    const { itemId, revId, form } = await createDraft(liaison);
    assertRedirect(await liaison.post(`/admin/revisions/${revId}/submit`, {}), 'submit');

    const reason = `请补充政策依据${unique()}`;
    const r = await head.post(`/admin/revisions/${revId}/return`, { comment: reason });
    assertRedirect(r, 'return', `/admin/items/${itemId}`);
    let page = await itemPage(liaison, itemId);
    assert.match(statusLine(page), /已退回/);
    const ret = history(page).find((row) => row[2].startsWith('退回'));
    assert.ok(ret, 'history records the return');
    assert.equal(ret[1], '科长 李军');
    assert.equal(ret[3], reason);
    assert.match((await liaison.get('/admin/drafts')).text, new RegExp(`${esc(form.title)}[\\s\\S]*?已退回`));
    assert.doesNotMatch((await head.get('/admin/reviews')).text, new RegExp(esc(form.title)));

    // The author edits the returned revision and resubmits it.
    const edit = await liaison.get(`/admin/revisions/${revId}/edit`);
    assert.equal(edit.status, 200);
    assert.match(edit.text, new RegExp(`value="${esc(form.title)}"`), 'the editor is filled in');
    const newTitle = `${form.title}（修改稿）`;
    const saved = await liaison.post(`/admin/revisions/${revId}`, { ...form, _csrf: undefined, title: newTitle });
    assertRedirect(saved, 'save the revised draft', `/admin/items/${itemId}`);
    assertRedirect(await liaison.post(`/admin/revisions/${revId}/submit`, { comment: '已补充' }), 'resubmit');
    page = await itemPage(head, itemId);
    assert.match(page, new RegExp(`<h1>${esc(newTitle)}</h1>`));
    assert.match(statusLine(page), /待科室负责人审核/);
    assert.equal(revisionActionId(page, 'approve'), revId, 'back with the head');
  });

  test('returning needs a reason (400)', async () => {
    const liaison = await signedIn('liaison');
    const head = await signedIn('head');
    const { itemId, revId } = await createDraft(liaison);
    assertRedirect(await liaison.post(`/admin/revisions/${revId}/submit`, {}), 'submit');
    const r = await head.post(`/admin/revisions/${revId}/return`, { comment: '' });
    assert.equal(r.status, 400);
    assert.match(statusLine(await itemPage(head, itemId)), /待科室负责人审核/, 'still waiting for the head');
  });

  test('the 400 page for a return without reason names the missing reason', async () => {
    const liaison = await signedIn('liaison');
    const head = await signedIn('head');
    const { revId } = await createDraft(liaison);
    await liaison.post(`/admin/revisions/${revId}/submit`, {});
    const r = await head.post(`/admin/revisions/${revId}/return`, { comment: '' });
    assert.ok(r.text.includes('请填写退回理由'), `the 400 page says 请填写退回理由, not only: ${errorText(r.text)}`);
  });
});

describe('permissions', () => {
  test('roles without the permission get 403', async () => {
    const clerk = await signedIn('clerk');
    const secrecy = await signedIn('secrecy');
    const liaison = await signedIn('liaison');
    const office = await signedIn('office');
    // 申请受理员 does not work on the catalog at all.
    for (const path of ['/admin/items/new', '/admin/items', '/admin/drafts', '/admin/reviews']) {
      const r = await clerk.get(path);
      assert.equal(r.status, 403, `clerk GET ${path}`);
      assert.match(r.text, /没有权限/);
    }
    // 保密审查员 reviews but does not draft; 科室联络员 drafts but does not review.
    assert.equal((await secrecy.get('/admin/items/new')).status, 403);
    const form = await validItemForm(liaison);
    assert.equal((await secrecy.post('/admin/items', form)).status, 403, 'secrecy POST /admin/items');
    assert.equal((await liaison.get('/admin/reviews')).status, 403, 'liaison GET /admin/reviews');
    // Only the office withdraws or changes validity.
    const published = await liaison.get('/admin/items?status=published');
    const id = published.text.match(/href="\/admin\/items\/(\d+)"/)[1];
    assert.equal((await liaison.post(`/admin/items/${id}/withdraw`, { comment: '测试' })).status, 403);
    assert.equal((await liaison.post(`/admin/items/${id}/validity`, { validity: '失效', date: '2014-01-01' })).status, 403);
    assert.equal((await office.get(`/admin/items/${id}`)).status, 200);
  });

  test('a head does not review another department\'s items', async () => {
    // The office drafts for a department other than the head's (商贸流通科).
    const office = await signedIn('office');
    const head = await signedIn('head');
    const form = await validItemForm(office);
    const depts = (await office.get('/admin/items/new')).text;
    const other = [...depts.matchAll(/<option value="(\d+)"[^>]*>([^<]*)<\/option>/g)]
      .find((m) => m[2] !== '商贸流通科' && depts.indexOf(m[0]) < depts.indexOf('name="class_id"') &&
                   depts.indexOf(m[0]) > depts.indexOf('name="department_id"'));
    assert.ok(other, 'another department exists');
    const r = await office.post('/admin/items', { ...form, department_id: other[1] });
    assertRedirect(r, 'office drafts for another department');
    const itemId = Number(r.location.split('/').pop());
    const revId = revisionActionId(await itemPage(office, itemId), 'submit');
    assertRedirect(await office.post(`/admin/revisions/${revId}/submit`, {}), 'submit');
    assert.equal((await head.post(`/admin/revisions/${revId}/approve`, { comment: 'x' })).status, 403);
    assert.doesNotMatch((await head.get('/admin/reviews')).text, new RegExp(esc(form.title)));
  });
});

describe('validation', () => {
  test('bad input comes back as 400 with the Chinese message beside each field', async () => {
    const liaison = await signedIn('liaison');
    const form = await validItemForm(liaison, {
      title: '', creation_date: '2013-13-45', class_id: '', department_id: '', doc_no: '文'.repeat(101),
    });
    const r = await liaison.post('/admin/items', form);
    assert.equal(r.status, 400);
    const expect = {
      title: '请填写标题',
      creation_date: '请按 年-月-日 填写生成日期，例如 2013-05-20',
      class_id: '请选择信息分类',
      department_id: '请选择发布科室',
      doc_no: '文号不能超过100个字',
    };
    for (const [field, message] of Object.entries(expect)) {
      assert.match(r.text, new RegExp(`<p class="field-error" id="${field}-error">${esc(message)}</p>`), `${field}: ${message}`);
      assert.match(r.text, new RegExp(`<a href="#${field}">${esc(message)}</a>`), `summary links to #${field}`);
      assert.match(r.text, new RegExp(`id="${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="${field}-error"`));
    }
    assert.match(r.text, /class="error-summary" role="alert"/);
    // What was typed is kept.
    assert.match(r.text, /value="2013-13-45"/);
    assert.match(r.text, /各有关单位/);
  });

  test('a creation date in the future and unknown taxonomy ids are refused', async () => {
    const liaison = await signedIn('liaison');
    const form = await validItemForm(liaison, { creation_date: '2099-01-01', class_id: '99999999', topic_id: 'abc' });
    const r = await liaison.post('/admin/items', form);
    assert.equal(r.status, 400);
    assert.match(r.text, /生成日期不能晚于今天/);
    assert.match(r.text, /所选信息分类无效/);
  });

  test('a liaison may only draft for their own department', async () => {
    const liaison = await signedIn('liaison');
    const form = await validItemForm(liaison);
    const page = (await liaison.get('/admin/items/new')).text;
    const sel = page.slice(page.indexOf('name="department_id"'), page.indexOf('</select>', page.indexOf('name="department_id"')));
    const other = [...sel.matchAll(/<option value="(\d+)">/g)].map((m) => m[1]).find((v) => v !== form.department_id);
    assert.ok(other);
    const r = await liaison.post('/admin/items', { ...form, department_id: other });
    assert.equal(r.status, 400);
    assert.match(r.text, /只能为本科室起草信息/);
  });

  test('unknown pages and ids are 404 pages in Chinese', async () => {
    const liaison = await signedIn('liaison');
    for (const path of ['/admin/items/99999999', '/admin/items/abc', '/admin/revisions/0/edit', '/admin/nothing']) {
      const r = await liaison.get(path);
      assert.equal(r.status, 404, path);
      assert.match(r.text, /找不到页面/);
    }
  });
});

describe('HTML in the body', () => {
  test('an XSS payload in the body and title does not come back executable', async () => {
    const liaison = await signedIn('liaison');
    const marker = unique('x');
    const payload = [
      `<p>正文${marker}</p>`,
      '<script>alert("s1")</script>',
      '<img src=x onerror=alert("s2")>',
      '<a href="javascript:alert(\'s3\')">链接</a>',
      '<svg><script>alert("s4")</script></svg>',
      '<iframe src="https://evil.example/"></iframe>',
      '<p style="background:url(javascript:alert(1))" onclick="alert(\'s5\')">点击</p>',
      '<form action="https://evil.example/"><input name="x"></form>',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<table><tr><td>表格</td></tr></table>',
    ].join('');
    const title = `<script>alert("t")</script>标题${marker}`;
    const { itemId } = await createDraft(liaison, { title, body_html: payload });
    const page = await itemPage(liaison, itemId);
    const body = page.slice(page.indexOf('<div class="body">'), page.indexOf('</section>', page.indexOf('<div class="body">')));
    assert.match(body, new RegExp(`<p>正文${marker}</p>`), 'harmless markup is kept');
    assert.match(body, /<td>表格<\/td>/);
    for (const bad of [/<script/i, /onerror/i, /onclick/i, /javascript:/i, /<iframe/i, /<form/i, /<svg/i, /style=/i, /xlink:href/i]) {
      assert.doesNotMatch(body, bad, `body contains ${bad}`);
    }
    // The title is text: escaped wherever it appears, never markup.
    assert.doesNotMatch(page, /<script>alert\("t"\)<\/script>/);
    assert.match(page, /&lt;script&gt;alert\(&quot;t&quot;\)&lt;\/script&gt;标题/);
    // No script anywhere on the page (the CSP forbids inline scripts too).
    assert.doesNotMatch(page, /<script/i);
    // The editor shows the stored body escaped inside the textarea.
    const revId = revisionActionId(page, 'submit');
    const edit = await liaison.get(`/admin/revisions/${revId}/edit`);
    const ta = edit.text.slice(edit.text.indexOf('<textarea'), edit.text.indexOf('</textarea>'));
    assert.doesNotMatch(ta, /<(script|img|a|p)[ >]/i, 'textarea content is escaped');
  });

  test('a rejected form echoes the payload escaped', async () => {
    const liaison = await signedIn('liaison');
    const form = await validItemForm(liaison, {
      title: '', summary: '"><script>alert(1)</script>', body_html: '</textarea><script>alert(2)</script>',
    });
    const r = await liaison.post('/admin/items', form);
    assert.equal(r.status, 400, errorText(r.text));
    assert.doesNotMatch(r.text, /<script/i);
    assert.match(r.text, /&lt;\/textarea&gt;&lt;script&gt;/);
  });
});
