/**
 * The physical bound the file tool is measured against (`npm run bench`, issue 8): on the same file, in the
 * same run, the least work any tool must do — native inflate of the score sheet, one indexOf scan over its
 * cells, the assessment of the rows already in memory, native deflate of the bytes the tool writes, and
 * writing them. Kept outside src/ because it calls zlib's raw inflate/deflate directly, which the product
 * itself never does (its zip container is zip.js).
 */
'use strict';
const fs = require('fs');
const zlib = require('zlib');

const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

/**
 * @param {object} o
 * @param {Uint8Array} o.sheetRaw   the score sheet's compressed bytes as stored in the input
 * @param {Uint8Array[]} o.written  the uncompressed bytes of every part the tool wrote
 * @param {() => void} o.assess     the assessment of the rows in memory
 * @param {string} o.scratch        a file to write to
 * @returns {number} seconds
 */
function measureBound({ sheetRaw, written, assess, scratch }) {
  let total = 0;
  let t0 = process.hrtime.bigint();
  const sheet = zlib.inflateRawSync(sheetRaw).toString('latin1');
  let cells = 0;
  for (let i = sheet.indexOf('<c '); i >= 0; i = sheet.indexOf('<c ', i + 3)) cells++;
  total += seconds(t0);
  t0 = process.hrtime.bigint();
  assess();
  total += seconds(t0);
  t0 = process.hrtime.bigint();
  const deflated = written.map((b) => zlib.deflateRawSync(b, { level: 6 }));
  fs.writeFileSync(scratch, Buffer.concat(deflated));
  total += seconds(t0);
  return { seconds: total, cells };
}

module.exports = { measureBound };
