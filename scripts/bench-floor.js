/**
 * The floor of the kept libraries (`npm run bench`, the `file-tool-floor` line): in its own process, the least
 * any tool built on them must do for a file — load zip.js, saxes, @xmldom/xmldom and zod with the engine; inflate
 * the score sheet through zip.js and lex it with saxes (events taken, nothing done with them); run the engine
 * (parse + assess) on the rows in memory; deflate at level 6 the bytes the tool wrote. No reading of cells, no
 * rendering, no XML produced. Its CPU time, set against the bound, says how much of a ratio target is left for the
 * tool's own code. Kept outside src/ because it calls zlib directly.
 *
 * Usage: node -r scripts/bench-measure.js scripts/bench-floor.js <input.xlsx> <written-parts.bin> <rows>
 *   written-parts.bin: the uncompressed parts the tool wrote, each as a 4-byte little-endian length + bytes.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = path.resolve(__dirname, '..');
const zip = require('@zip.js/zip.js');
require('@xmldom/xmldom');
require('zod');
const { SaxesParser } = require('saxes');
const { benchSnapshot } = require(path.join(root, 'dist', 'node', 'bench', 'data.js'));
const { parseWorkbook } = require(path.join(root, 'dist', 'node', 'workbook', 'parse.js'));
const { assess } = require(path.join(root, 'dist', 'node', 'domain', 'assess.js'));

zip.configure({ useWebWorkers: false });

async function main() {
  const [input, writtenFile, rows] = process.argv.slice(2);
  const reader = new zip.ZipReader(new zip.Uint8ArrayReader(fs.readFileSync(input)));
  const entry = (await reader.getEntries()).find((e) => e.filename === 'xl/worksheets/sheet1.xml');
  const parser = new SaxesParser({ position: false });
  let elements = 0;
  parser.on('opentag', () => elements++);
  parser.on('attribute', () => undefined);
  parser.on('text', () => undefined);
  const decoder = new TextDecoder();
  await entry.getData(
    new (class extends zip.Writer {
      async writeUint8Array(chunk) {
        parser.write(decoder.decode(chunk, { stream: true }));
      }
      async getData() {
        return null;
      }
    })(),
  );
  parser.close();
  // The engine on the rows in memory (benchSnapshot builds the same rows the input file holds).
  const snapshot = benchSnapshot(Number(rows));
  const parsed = parseWorkbook(snapshot);
  assess({ rubric: parsed.rubric, rules: parsed.rules, rows: parsed.rows, issues: parsed.issues, asOf: '2025-01-15' });
  const written = fs.readFileSync(writtenFile);
  for (let at = 0; at < written.length; ) {
    const n = written.readUInt32LE(at);
    zlib.deflateRawSync(written.subarray(at + 4, at + 4 + n), { level: 6 });
    at += 4 + n;
  }
  if (elements === 0) throw new Error('bench-floor: the score sheet held no elements');
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
