// The shipped nginx configuration (deploy/nginx/gongkai.conf) in front of the server under
// test: public pages come from nginx's cache, signed-in readers and private pages never do,
// and a publication or a withdrawal shows through nginx within one second.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { BASE, Client, USERS, assertRedirect, publishItem } from '../lib/gk.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// The shipped file with the test's upstream, port and cache directory, in a minimal nginx.conf.
function writeConfig(dir, port) {
  const upstream = new URL(BASE).host;
  const shipped = fs.readFileSync(new URL('../../deploy/nginx/gongkai.conf', import.meta.url), 'utf8');
  const site = shipped
    .replace(/server 127\.0\.0\.1:8080;/, `server ${upstream};`)
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/\/var\/cache\/nginx\/gongkai/, path.join(dir, 'cache'));
  assert.ok(site.includes(`server ${upstream};`) && site.includes(`listen 127.0.0.1:${port};`), 'placeholders replaced');
  fs.writeFileSync(path.join(dir, 'gongkai.conf'), site);
  const user = process.getuid && process.getuid() === 0 ? 'user root;\n' : '';
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `${user}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/gongkai.conf;
}
`);
}

describe('behind the shipped nginx configuration', () => {
  let dir;
  let nginx;
  let front;

  before(async () => {
    assert.ok(NGINX, 'nginx is installed (scripts/install-deps.sh)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-nginx-'));
    const port = await freePort();
    writeConfig(dir, port);
    nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
    front = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${front}/robots.txt`)).status === 200) return;
      } catch { /* not listening yet */ }
      await sleep(50);
    }
    throw new Error(`nginx did not start: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
  });

  after(() => {
    if (nginx) nginx.kill('SIGQUIT');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  // GETs through nginx until `done(response, text)` or the deadline; returns the elapsed ms.
  async function until(url, done, deadlineMs = 3000) {
    const start = Date.now();
    for (;;) {
      const r = await fetch(front + url, { redirect: 'manual' });
      const text = await r.text();
      if (done(r, text)) return Date.now() - start;
      if (Date.now() - start > deadlineMs) return Infinity;
      await sleep(20);
    }
  }

  test('public pages are served from the cache, private ones never', async () => {
    await fetch(`${front}/cxswj/`);
    const hit = await fetch(`${front}/cxswj/`);
    assert.equal(hit.status, 200);
    assert.match(hit.headers.get('x-cache-status') || '', /HIT|UPDATING|EXPIRED|MISS/);
    assert.equal(hit.headers.get('x-accel-expires'), null, 'nginx does not pass X-Accel-Expires on');
    let hits = 0;
    for (let i = 0; i < 20; i++) {
      if ((await fetch(`${front}/cxswj/`)).headers.get('x-cache-status') === 'HIT') hits++;
    }
    assert.ok(hits >= 10, `most reads within a second are cache hits (${hits}/20)`);
    // The request form carries a per-reader CSRF cookie: never from the cache.
    for (let i = 0; i < 3; i++) {
      const form = await fetch(`${front}/requests/cxswj/new`);
      assert.notEqual(form.headers.get('x-cache-status'), 'HIT');
      assert.ok(form.headers.getSetCookie().length > 0, 'each reader gets the form with a cookie of their own');
    }
    // A signed-in reader goes straight through.
    const office = await new Client(front).login(USERS.office);
    const page = await office.get('/admin');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('x-cache-status'), 'BYPASS');
  });

  test('a publication and a withdrawal show through nginx within one second', async () => {
    // The catalog's first page is in nginx's cache before the item is published.
    await fetch(`${front}/cxswj/catalog`);
    await fetch(`${front}/cxswj/catalog`);
    const { itemId, indexNo, form } = await publishItem();
    // Measured from the answer to the last approval.
    const shownAfter = await until('/cxswj/catalog', (r, text) => r.status === 200 && text.includes(form.title));
    assert.ok(shownAfter <= 1000, `the new item is on the catalog page through nginx after ${shownAfter} ms`);

    const url = `/items/${indexNo}`;
    assert.equal((await fetch(front + url)).status, 200);
    await fetch(front + url);
    const office = await new Client(front).login(USERS.office);
    const w = await office.post(`/admin/items/${itemId}/withdraw`, { comment: '集成测试撤回' });
    assertRedirect(w, 'withdraw through nginx');
    const goneAfter = await until(url, (r) => r.status === 404);
    assert.ok(goneAfter <= 1000, `the withdrawn item is gone through nginx after ${goneAfter} ms`);
  });
});
