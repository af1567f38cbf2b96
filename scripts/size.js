#!/usr/bin/env node
/** Prints the size and gzip size of every JS bundle in dist/ (run after `npm run build`). */
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
