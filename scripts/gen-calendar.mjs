#!/usr/bin/env node
// Generates src/core/calendar_data.cc, the shipped working-day calendar (2008-2026), from the
// npm package `chinese-days` (its dist/years/YYYY.json files).
//
// Run (Node 20, no dependency besides chinese-days):
//   mkdir -p /tmp/cal && (cd /tmp/cal && npm install chinese-days)
//   node scripts/gen-calendar.mjs /tmp/cal/node_modules/chinese-days [--from 2008] [--to 2026] [--out FILE]
// Without a package path, `chinese-days` is looked up from the current directory.
//
// What it writes: one line per special day, `YYYY-MM-DD<TAB>off|work<TAB>name`, where `off` is a
// public holiday (including weekend days the notice names as part of a holiday) and `work` is an
// adjusted working weekend day (调休上班). Ordinary weekends and weekdays are not listed.
// Only dates inside [from, to] are kept (a year's file can hold the last days of December of the
// year before, for the New Year holiday).
//
// The data is checked, not trusted: the script stops on contradictions (a day both off and work,
// a `work` day that is not a weekend, an in-lieu day that is no holiday) and on disagreement with
// days verified by hand against the State Council notices (see KNOWN below and DOMAIN.md §6).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { pkg: null, from: 2008, to: 2026, out: path.join(repoRoot, 'src/core/calendar_data.cc') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--from') opts.from = Number(argv[++i]);
    else if (a === '--to') opts.to = Number(argv[++i]);
    else if (a === '--out') opts.out = path.resolve(argv[++i]);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/gen-calendar.mjs [PATH/TO/chinese-days] [--from Y] [--to Y] [--out FILE]');
      process.exit(0);
    } else if (!a.startsWith('-') && opts.pkg === null) opts.pkg = path.resolve(a);
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(opts.from) || !Number.isInteger(opts.to) || opts.from > opts.to) {
    throw new Error('--from/--to must be years with from <= to');
  }
  if (opts.pkg === null) {
    const require = createRequire(path.join(process.cwd(), 'noop.js'));
    opts.pkg = path.dirname(require.resolve('chinese-days/package.json'));
  }
  return opts;
}

// The notices' names (chinese-days abbreviates some).
const NAMES = { '清明': '清明节', '端午': '端午节', '中秋': '中秋节' };

// Days checked by hand against the State Council notices. 'off' days that are plain weekends in
// chinese-days (the notice says "与周末连休") are checked as off without a name.
const KNOWN = [
  ['2008-05-04', 'work'],  // Sunday, 劳动节 调休
  ['2008-06-07', 'off'],   // Saturday opening 端午节
  ['2008-09-13', 'off'],   // Saturday opening 中秋节
  ['2009-01-04', 'work'],  // Sunday, 元旦 调休
  ['2009-09-27', 'work'],  // Sunday, 国庆节 调休
  ['2011-12-31', 'work'],  // Saturday, 2012 元旦 调休
  ['2015-01-04', 'work'],  // Sunday, 元旦 调休
  ['2016-04-02', 'off'],   // Saturday opening 清明节
  ['2018-06-16', 'off'],   // Saturday opening 端午节
  ['2018-09-22', 'off'],   // Saturday opening 中秋节
  ['2024-09-29', 'work'],  // Sunday, 国庆节 调休
  ['2024-10-12', 'work'],  // Saturday, 国庆节 调休
];

const isWeekend = (iso) => {
  const wd = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
};

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pkgJson = JSON.parse(fs.readFileSync(path.join(opts.pkg, 'package.json'), 'utf8'));
  if (pkgJson.name !== 'chinese-days') throw new Error(`${opts.pkg} is not the chinese-days package`);
  const lo = `${opts.from}-01-01`;
  const hi = `${opts.to}-12-31`;
  const days = new Map();  // iso -> {kind, name}
  const put = (iso, kind, label, file) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`${file}: bad date ${iso}`);
    if (iso < lo || iso > hi) return;
    const parts = String(label).split(',');
    let name = (parts.length >= 3 ? parts[1] : parts[0]).trim();
    name = NAMES[name] ?? name;
    if (!name) throw new Error(`${file}: ${iso} has no name`);
    if (kind === 'work' && !isWeekend(iso)) throw new Error(`${file}: ${iso} is a weekday marked as adjusted working day`);
    const prev = days.get(iso);
    if (prev && prev.kind !== kind) throw new Error(`${file}: ${iso} is both ${prev.kind} and ${kind}`);
    days.set(iso, { kind, name });
  };
  // Files of the year before and after can hold days of the range's edge years.
  for (let y = opts.from - 1; y <= opts.to + 1; y++) {
    const file = path.join(opts.pkg, 'dist/years', `${y}.json`);
    if (!fs.existsSync(file)) {
      if (y >= opts.from && y <= opts.to) throw new Error(`missing ${file}`);
      continue;
    }
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const key of ['holidays', 'workdays', 'inLieuDays']) {
      if (typeof j[key] !== 'object' || j[key] === null) throw new Error(`${file}: no "${key}" object`);
    }
    for (const [iso, label] of Object.entries(j.holidays)) put(iso, 'off', label, file);
    for (const [iso, label] of Object.entries(j.workdays)) put(iso, 'work', label, file);
    for (const iso of Object.keys(j.inLieuDays)) {
      if (!(iso in j.holidays)) throw new Error(`${file}: in-lieu day ${iso} is not a holiday`);
    }
  }
  for (let y = opts.from; y <= opts.to; y++) {
    if (![...days.keys()].some((d) => d.startsWith(`${y}-`))) throw new Error(`no entries for ${y}`);
  }
  for (const [iso, kind] of KNOWN) {
    if (iso < lo || iso > hi) continue;
    const got = days.get(iso)?.kind ?? (isWeekend(iso) ? 'off' : 'work');
    if (got !== kind) throw new Error(`${iso}: chinese-days says ${got}, the State Council notice says ${kind}`);
  }

  const lines = [...days.keys()].sort().map((iso) => `${iso}\t${days.get(iso).kind}\t${days.get(iso).name}`);
  if (lines.some((l) => l.includes(')table"'))) throw new Error('name would end the raw string');
  const out = `// Generated by scripts/gen-calendar.mjs from chinese-days ${pkgJson.version}; do not edit.
// Regenerate: see the comment at the top of scripts/gen-calendar.mjs.
// Working-day calendar ${opts.from}-${opts.to} (State Council holiday notices): one line per special day,
// \`YYYY-MM-DD<TAB>off|work<TAB>name\`; off = public holiday, work = adjusted working weekend (调休上班).
// Weekends not listed are days off, weekdays not listed are working days.

#include "core/calendar.h"

namespace gongkai::core {

std::string_view shipped_calendar_table() {
  static constexpr std::string_view kTable = R"table(# Gongkai working-day calendar ${opts.from}-${opts.to}, from chinese-days ${pkgJson.version}
# date\tkind\tname
${lines.join('\n')}
)table";
  return kTable;
}

}  // namespace gongkai::core
`;
  fs.writeFileSync(opts.out, out);
  console.log(`wrote ${opts.out}: ${lines.length} days, ${opts.from}-${opts.to}`);
}

try {
  main();
} catch (e) {
  console.error(`gen-calendar: ${e.message}`);
  process.exit(1);
}
