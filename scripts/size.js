#!/usr/bin/env node
/**
 * Prints the size and gzip size of every JS bundle in dist/ (run after `npm run build`), then each page's
 * initial JavaScript: the scripts its HTML loads from this site before anything is loaded on demand
 * (office.js from Microsoft's CDN is not counted); and the single-file page (考评助手.html), all of which is
 * what a user receives and opens.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const dist = path.join(__dirname, '..', 'dist');
if (!fs.existsSync(dist)) {
  console.error('dist/ not found: run `npm run build` first');
  process.exit(1);
}
const files = fs
  .readdirSync(dist)
  .filter((f) => f.endsWith('.js'))
  .sort();
let total = 0;
let totalGz = 0;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const f of files) {
  const buf = fs.readFileSync(path.join(dist, f));
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  total += buf.length;
  totalGz += gz;
  console.log(`size ${f} bytes=${buf.length} gzip=${gz} (${kb(buf.length)}, gzip ${kb(gz)})`);
}
console.log(`size total bytes=${total} gzip=${totalGz} (${kb(total)}, gzip ${kb(totalGz)})`);

for (const page of fs.readdirSync(dist).filter((f) => f.endsWith('.html')).sort()) {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] || m[2] || m[3]).filter((src) => !/^[a-z]+:|^\/\//i.test(src));
  let bytes = 0;
  let gz = 0;
  for (const src of scripts) {
    const file = path.join(dist, src.split(/[?#]/)[0]);
    if (!fs.existsSync(file)) continue;
    const buf = fs.readFileSync(file);
    bytes += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  if (scripts.length) console.log(`size initial ${page} scripts=${scripts.join('+')} bytes=${bytes} gzip=${gz} (${kb(bytes)}, gzip ${kb(gz)})`);
}

// The single-file page: scripts, styles and icons inside it, the whole file is what is opened (and mailed).
const SINGLE = '考评助手.html';
if (fs.existsSync(path.join(dist, SINGLE))) {
  const buf = fs.readFileSync(path.join(dist, SINGLE));
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  console.log(`size single ${SINGLE} bytes=${buf.length} gzip=${gz} (${kb(buf.length)}, gzip ${kb(gz)})`);
}
