// The annual report's downloads read back by other programs, against the report's own text.
//
// `gongkai report` writes the demo agency's 2013 report (2008 layout, the seed) and a 2021
// report (2021 layout, with imported requests so table 三 has counts in several columns,
// a carried-in and a carried-over request) as HTML, JSON, DOCX, XLSX and PDF. The HTML is the
// reference: its headings, paragraphs, captions and table cells in order.
// - DOCX: LibreOffice (`soffice --headless --convert-to txt`) gives one line per paragraph and
//   per table cell; its non-empty lines must equal the reference exactly, in order.
// - XLSX: LibreOffice writes every sheet as CSV; the body sheet holds the headings and
//   paragraphs, and each table's sheet must hold the table's grid exactly: each cell's text at
//   the top left of its merged range, nothing in the slots the merge covers.
// - PDF: pdftotext must find every paragraph, heading and caption in order, and every row of
//   every table with its cells in order.
// - DOCX printed to PDF by LibreOffice: the chart's picture is there (pdfimages).
// Run by tests/office/run.sh (skips when LibreOffice or poppler-utils is missing).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

const BIN = process.env.GK_BIN;
const SEED_SENTENCES = [
  '截至2013年12月31日，我局累计主动公开政府信息517条，其中2013年新增主动公开政府信息203条。',
  '电子化率达100%。',
  '2013年度我局未收到任何形式的申请公开信息要求。',
  '2013年度我局未收取与政府信息公开有关的费用。',
  '2013年度我局未接到有关政府信息公开方面的复议、诉讼和申诉。',
];

// Requests of the 2021 report: each applicant kind but one, four outcomes, one received in
// 2020 and decided in 2021 (上年结转), one still open at the end of 2021 (结转下年度).
const REQUESTS = [
  'channel,received_on,applicant_kind,applicant_name,organisation,phone,email,description,delivery_form,delivery_method,outcome,decided_on',
  'online,2021-03-01,natural_person,张三,,0574-63012345,a0@example.com,申请公开2020年度商贸流通项目资金安排情况,electronic,email,granted,2021-03-10',
  'letter,2021-04-02,commercial,李四,慈溪某贸易有限公司,0574-63012346,a1@example.com,申请公开外贸企业扶持政策文件,electronic,email,partial,2021-04-20',
  'online,2021-05-06,research,王五,某研究院,0574-63012347,a2@example.com,申请公开服务业统计数据,electronic,email,denied.1,2021-05-20',
  'online,2021-06-01,natural_person,赵六,,0574-63012348,a3@example.com,申请公开某会议纪要内容,electronic,email,unable.1,2021-06-15',
  'online,2020-12-28,legal_service,钱七,某律师事务所,0574-63012349,a4@example.com,申请公开行政处罚决定书,electronic,email,granted,2021-01-08',
  'online,2021-12-28,public_interest,孙八,某公益协会,0574-63012350,a5@example.com,申请公开慈善项目备案信息,electronic,email,,',
].join('\n') + '\n';

const REPORTS = [
  { name: 'r2013', year: 2013, layout: '2008' },
  { name: 'r2021', year: 2021, layout: '2021' },
];

let dir;
const env = { ...process.env, ASAN_OPTIONS: `${process.env.ASAN_OPTIONS ?? ''}:detect_leaks=0` };

function gongkai(...args) {
  return execFileSync(BIN, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// LibreOffice with a profile of its own, so parallel runs do not share one.
function soffice(filter, files, outdir = 'lo') {
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--norestore',
    '--convert-to', filter, '--outdir', path.join(dir, outdir), ...files],
  { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e) => ENTITIES[e]);
const clean = (html) => decode(html.replace(/<br>/g, '\n').replace(/<[^>]*>/g, '')).trim();

// The reference: text blocks in document order, and the tables as grids of placed cells.
function reference(html) {
  const blocks = [];
  const tables = [];
  // Our own HTML (render/document_html.cc): no nesting of these tags in each other; the
  // SVG's <text>/<title>/<desc> are not among them.
  const re = /<(h[1-3]|p|caption|figcaption)\b[^>]*>([\s\S]*?)<\/\1>|<table\b[^>]*>([\s\S]*?)<\/table>/g;
  for (const m of html.matchAll(re)) {
    if (m[3] === undefined) {
      blocks.push({ kind: m[1], text: clean(m[2]) });
      continue;
    }
    const table = { caption: '', rows: [] };
    const cap = /<caption>([\s\S]*?)<\/caption>/.exec(m[3]);
    if (cap) table.caption = clean(cap[1]);
    for (const row of m[3].matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
      const cells = [];
      for (const c of row[1].matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
        const span = (a) => Number((new RegExp(`${a}="(\\d+)"`).exec(c[2]) ?? [0, 1])[1]);
        cells.push({ text: clean(c[3]), colspan: span('colspan'), rowspan: span('rowspan') });
      }
      table.rows.push(cells);
    }
    table.grid = place(table.rows);
    tables.push(table);
    blocks.push({ kind: 'table', table });
  }
  return { blocks, tables };
}

// Cells placed on a grid as HTML does: each row's cells fill the slots rowspans left free.
function place(rows) {
  const grid = [];
  rows.forEach((cells, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell.text : null;
      }
      c += cell.colspan;
    }
  });
  return grid;
}

// Every text of the reference, one entry per line of text, in document order.
function referenceLines(ref) {
  const out = [];
  const add = (t) => { for (const l of t.split('\n')) if (l.trim()) out.push(l.trim()); };
  for (const b of ref.blocks) {
    if (b.kind !== 'table') { add(b.text); continue; }
    if (b.table.caption) add(b.table.caption);
    for (const row of b.table.rows) for (const cell of row) add(cell.text);
  }
  return out;
}

// The position of the first difference of two line lists, shown with some context.
function firstDifference(want, got) {
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  return `first difference at line ${i}:\n  want: ${JSON.stringify(want.slice(i, i + 3))}\n  got:  ${JSON.stringify(got.slice(i, i + 3))}`;
}

// A CSV file of LibreOffice's (comma, double quotes) as rows of fields.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const squash = (s) => s.replace(/\s+/g, '');

const refs = {};

describe('report exports read back by LibreOffice and poppler', () => {
  before(() => {
    assert.ok(BIN, 'GK_BIN (the gongkai binary) is not set');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-office-'));
    const db = path.join(dir, 'demo.db');
    gongkai('demo', '--db', db);
    fs.writeFileSync(path.join(dir, 'requests.csv'), REQUESTS);
    gongkai('import', 'requests', path.join(dir, 'requests.csv'), '--agency', 'cxswj', '--db', db);
    for (const r of REPORTS) {
      for (const ext of ['html', 'json', 'docx', 'xlsx', 'pdf']) {
        gongkai('report', '--db', db, '--agency', 'cxswj', '--year', String(r.year), '--layout', r.layout,
          '--out', path.join(dir, `${r.name}.${ext}`));
      }
      refs[r.name] = reference(fs.readFileSync(path.join(dir, `${r.name}.html`), 'utf8'));
    }
    // One LibreOffice start per filter, for all the reports.
    soffice('txt:Text (encoded):UTF8', REPORTS.map((r) => path.join(dir, `${r.name}.docx`)));
    // Token 12 = -1: every sheet to its own file, NAME-SHEET.csv (LibreOffice 7.2+).
    soffice('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      REPORTS.map((r) => path.join(dir, `${r.name}.xlsx`)));
    // The workbooks printed, as an office would print them.
    soffice('pdf', REPORTS.map((r) => path.join(dir, `${r.name}.xlsx`)));
    soffice('pdf', REPORTS.map((r) => path.join(dir, `${r.name}.docx`)), 'lo-docx');
  });

  after(() => {
    if (dir && !process.env.GK_KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('r2013: the class chart\'s numbers are in its XLSX sheet, as LibreOffice reads it', () => {
    const rows = parseCsv(fs.readFileSync(path.join(dir, 'lo', 'r2013-2013年主动公开政府信息分类情况.csv'), 'utf8'));
    assert.deepEqual(rows.slice(0, 6), [
      ['2013年主动公开政府信息分类情况', '', ''],
      ['单位：条', '截至2013年底累计', '2013年新增'],
      ['政策法规类', '76', '8'],
      ['业务类', '253', '56'],
      ['便民服务类', '174', '137'],
      ['计划总结类', '14', '2'],
    ]);
  });

  test('the DOCX printed by LibreOffice shows the chart picture where the report has a chart', () => {
    // pdfimages -list: two header lines, then a line per image (the PNG, and its alpha mask
    // when LibreOffice keeps one).
    const images = (name) => execFileSync('pdfimages', ['-list', path.join(dir, 'lo-docx', `${name}.pdf`)],
      { encoding: 'utf8' }).trim().split('\n').length - 2;
    assert.ok(images('r2013') >= 1, 'the 2013 report (2008 layout) has its class chart');
    assert.equal(images('r2021'), 0, 'the 2021 layout has no chart');
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'lo-docx', 'r2013.pdf'), '-'],
      { encoding: 'utf8' }));
    assert.ok(text.includes('2013年主动公开政府信息分类情况'));
  });

  test('the reference HTML holds the JSON counts and the seed sentences', () => {
    const text2013 = referenceLines(refs.r2013).join('\n');
    for (const s of SEED_SENTENCES) assert.ok(text2013.includes(s), s);
    // Table 三 of 2021: rows 一, 二 and 四 and the 总计 row carry the JSON's counts, by column.
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'r2021.json'), 'utf8'));
    const t3 = refs.r2021.tables.find((t) => t.caption.includes('表三') || t.rows.some((r) => r.some((c) => c.text.includes('本年新收'))));
    assert.ok(t3, 'table 三');
    const cols = ['natural_person', 'commercial', 'research', 'public_interest', 'legal_service', 'other_org', 'total'];
    const rowOf = (label) => t3.grid.find((row) => row.some((t) => t && t.startsWith(label)));
    const counts = (label) => rowOf(label).slice(-7).map(Number);
    assert.deepEqual(counts('一、本年新收'), cols.map((c) => json.table3.new[c]));
    assert.deepEqual(counts('二、上年结转'), cols.map((c) => json.table3.carried_in[c]));
    assert.deepEqual(counts('四、结转下年度'), cols.map((c) => json.table3.carried_out[c]));
    assert.deepEqual(json.table3.new.total, 5);
    assert.deepEqual(json.table3.carried_in.legal_service, 1);
    assert.deepEqual(json.table3.carried_out.public_interest, 1);
  });

  for (const r of REPORTS) {
    test(`${r.name}: the DOCX as LibreOffice reads it has the report's text and every table cell in order`, () => {
      const txt = fs.readFileSync(path.join(dir, 'lo', `${r.name}.txt`), 'utf8').replace(/^\uFEFF/, '');
      const got = txt.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      const want = referenceLines(refs[r.name]);
      assert.ok(want.length > 15, `reference has ${want.length} lines`);
      assert.deepEqual(got, want, firstDifference(want, got));
      if (r.layout === '2008') for (const s of SEED_SENTENCES) assert.ok(txt.includes(s), s);
    });

    test(`${r.name}: the XLSX as LibreOffice reads it has the text and each table's grid with its merged cells`, () => {
      const files = fs.readdirSync(path.join(dir, 'lo')).filter((f) => f.startsWith(`${r.name}-`) && f.endsWith('.csv'));
      const sheet = (name) => parseCsv(fs.readFileSync(path.join(dir, 'lo', `${r.name}-${name}.csv`), 'utf8'));
      assert.ok(files.includes(`${r.name}-正文.csv`), files.join(' '));
      // The body sheet: headings and paragraphs in order (paragraphs start with the two
      // ideographic spaces of the first-line indent), a line naming each table's sheet.
      const body = sheet('正文').map((row) => row[0].replace(/^\u3000\u3000/, '').trim()).filter(Boolean);
      const text = refs[r.name].blocks.filter((b) => b.kind !== 'table' && b.kind !== 'caption' && b.kind !== 'figcaption')
        .map((b) => b.text.split('\n').map((l) => l.trim()).join('\n'));
      const bodyText = body.join('\n');
      let at = 0;
      for (const t of text) {
        const found = bodyText.indexOf(t, at);
        assert.ok(found >= 0, `body sheet lacks, in order: ${t}`);
        at = found + t.length;
      }
      if (r.layout === '2008') for (const s of SEED_SENTENCES) assert.ok(bodyText.includes(s), s);
      for (const table of refs[r.name].tables) {
        const name = files.map((f) => f.slice(r.name.length + 1, -4)).find((n) => n === table.caption.slice(0, 31));
        assert.ok(name, `a sheet for ${table.caption} among ${files.join(' ')}`);
        const rows = sheet(name);
        assert.equal(rows[0][0], table.caption);
        table.grid.forEach((cells, i) => {
          const row = rows[i + 1] ?? [];
          cells.forEach((want, c) => {
            assert.equal(row[c] ?? '', want ?? '', `${table.caption} row ${i + 1} column ${c + 1}`);
          });
        });
        assert.equal(rows.length, table.grid.length + 1, `${table.caption}: no rows beyond the table`);
      }
    });

    test(`${r.name}: the XLSX printed by LibreOffice loses no text at the page edges`, () => {
      const printed = (...mode) => squash(execFileSync('pdftotext', [...mode, '-enc', 'UTF-8',
        path.join(dir, 'lo', `${r.name}.pdf`), '-'], { encoding: 'utf8' }));
      const text = printed();
      // In content-stream order a label wrapped in a narrow cell is not interleaved with the
      // cells beside it (LibreOffice draws cell by cell, not always in reading order).
      const raw = printed('-raw');
      // Paragraphs wrap inside their cell: a line cut at the page edge loses characters.
      let at = 0;
      for (const b of refs[r.name].blocks.filter((x) => ['h1', 'h2', 'h3', 'p'].includes(x.kind))) {
        const found = text.indexOf(squash(b.text), at);
        assert.ok(found >= 0, `printed workbook lacks, in order: ${b.text}`);
        at = found + squash(b.text).length;
      }
      // Each table fits the page width: every label is printed whole.
      for (const table of refs[r.name].tables) {
        for (const cell of table.rows.flat()) {
          if (!/^\d+$/.test(cell.text)) assert.ok(raw.includes(squash(cell.text)), `printed ${table.caption} lacks ${cell.text}`);
        }
      }
    });

    test(`${r.name}: pdftotext of the PDF finds every text and every table row in order`, () => {
      const pdf = path.join(dir, `${r.name}.pdf`);
      const text = squash(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      let at = 0;
      for (const b of refs[r.name].blocks) {
        const parts = b.kind === 'table' ? [b.table.caption, ...b.table.rows.flatMap((row) => row.map((c) => c.text))]
          : [b.text];
        for (const p of parts.map(squash).filter(Boolean)) {
          const found = text.indexOf(p, at);
          assert.ok(found >= 0, `PDF lacks, in order: ${p} (after …${text.slice(Math.max(0, at - 40), at)})`);
          at = found + p.length;
        }
      }
      if (r.layout === '2008') for (const s of SEED_SENTENCES) assert.ok(text.includes(squash(s)), s);
    });
  }
});
