#!/usr/bin/env node
/**
 * Turns assets/sample.xlsx into the snapshot the task pane's preview runs on
 * (src/hosts/memory/sample.json, loaded lazily by the preview only). The file host's own reader makes
 * the snapshot, so the preview sees exactly what the command-line tool sees.
 *
 * Run: npm run build:cli && node scripts/make-preview-snapshot.js [--check]
 *   --check: exit 1 when the committed JSON is not what the sample gives (test/pane/sample-snapshot.test.ts).
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const OUT = path.join(root, 'src', 'hosts', 'memory', 'sample.json');

/** Trailing empty cells and rows carry nothing: drop them to keep the chunk small. */
function trim(snapshot) {
  return {
    sheets: snapshot.sheets.map((s) => {
      const values = s.values.map((row) => {
        const r = (row || []).map((v) => (v === undefined ? null : v));
        while (r.length && (r[r.length - 1] === null || r[r.length - 1] === '')) r.pop();
        return r;
      });
      while (values.length && values[values.length - 1].length === 0) values.pop();
      return { name: s.name, values, merges: s.merges, visibility: s.visibility };
    }),
  };
}

async function make(file) {
  const { openWorkbookFile } = require(path.join(root, 'dist', 'node', 'hosts', 'file', 'node.js'));
  const snapshot = await (await openWorkbookFile(file)).read();
  return JSON.stringify(trim(snapshot)) + '\n';
}

async function main() {
  const check = process.argv.includes('--check');
  const text = await make(path.join(root, 'assets', 'sample.xlsx'));
  if (check) {
    const old = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (old !== text) {
      console.error('src/hosts/memory/sample.json is out of date: run node scripts/make-preview-snapshot.js');
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(root, OUT)} (${text.length} bytes)`);
}

module.exports = { make, trim };
if (require.main === module) main().catch((e) => {
  console.error(e);
  process.exit(1);
});
