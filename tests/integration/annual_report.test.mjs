// The annual report (年度报告) through HTTP with the demo agency: the office sees the seed's
// 2013 figures, writes the narrative, publishes, and the portal serves the year's page, its
// JSON and its downloads with exactly the seed's numbers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { assertRedirect, errorText, signedIn } from '../lib/gk.mjs';

const SEED_SENTENCE = '截至2013年12月31日，我局累计主动公开政府信息517条，其中2013年新增主动公开政府信息203条。';

describe('annual report', () => {
  test('the office publishes the 2013 report and the portal shows the seed figures', async () => {
    const office = await signedIn('office');
    const page = await office.get('/admin/reports?year=2013&layout=2008');
    assert.equal(page.status, 200, errorText(page.text));
    assert.ok(page.text.includes(SEED_SENTENCE), 'the computed sentence is on the back-office page');
    for (const s of ['占14.7%', '占48.94%', '占33.66%', '占2.71%', '占3.94%', '占27.59%', '占67.49%', '占0.99%']) {
      assert.ok(page.text.includes(s), s);
    }

    const saved = await office.post('/admin/reports/draft', {
      year: '2013', layout: '2008',
      'part.problems': '<p>（一）目前存在问题和不足。一是政府信息公开工作规范性有待进一步加强。</p>',
    });
    assertRedirect(saved, 'save the draft');
    const published = await office.post('/admin/reports/publish', { year: '2013', layout: '2008', signed_on: '2014-03-10' });
    assertRedirect(published, 'publish');

    const list = await (await signedIn('office')).get('/cxswj/reports');
    assert.equal(list.status, 200);
    assert.match(list.text, /href="\/cxswj\/reports\/2013"/);

    const year = await fetch(`${process.env.GK_BASE_URL}/cxswj/reports/2013`);
    assert.equal(year.status, 200);
    const html = await year.text();
    assert.ok(html.includes(SEED_SENTENCE));
    assert.ok(html.includes('2013年度我局未收到任何形式的申请公开信息要求。'));
    assert.ok(html.includes('2013年度我局未收取与政府信息公开有关的费用。'));
    assert.ok(html.includes('2013年度我局未接到有关政府信息公开方面的复议、诉讼和申诉。'));
    assert.ok(html.includes('一是政府信息公开工作规范性有待进一步加强。'));

    const json = await (await fetch(`${process.env.GK_BASE_URL}/cxswj/reports/2013/report.json`)).json();
    assert.equal(json.proactive.cumulative, 517);
    assert.equal(json.proactive.in_year, 203);
    assert.equal(json.proactive.electronic_rate, 100);
    assert.deepEqual(json.proactive.classes.map((k) => [k.name, k.cumulative, k.cumulative_share, k.in_year, k.in_year_share]), [
      ['政策法规类', 76, 14.7, 8, 3.94],
      ['业务类', 253, 48.94, 56, 27.59],
      ['便民服务类', 174, 33.66, 137, 67.49],
      ['计划总结类', 14, 2.71, 2, 0.99],
    ]);
    assert.equal(json.table3.total.total, 0);
    assert.equal(json.table4.reconsideration.total, 0);
    assert.equal(json.fees.collected_yuan, 0);

    const pdf = await fetch(`${process.env.GK_BASE_URL}/cxswj/reports/2013/report.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    const docx = await fetch(`${process.env.GK_BASE_URL}/cxswj/reports/2013/report.docx`);
    assert.equal(docx.status, 200);
    assert.equal(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
  });

  test('only the office edits; a liaison cannot open the report', async () => {
    const liaison = await signedIn('liaison');
    assert.equal((await liaison.get('/admin/reports')).status, 403);
    const leader = await signedIn('leader');
    const page = await leader.get('/admin/reports?year=2013&layout=2021');
    assert.equal(page.status, 200);
    assert.ok(!page.text.includes('name="part.problems"'), 'no edit form for the leader');
    const refused = await leader.post('/admin/reports/publish', { year: '2013', layout: '2021' });
    assert.equal(refused.status, 403);
  });
});
