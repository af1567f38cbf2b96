#!/usr/bin/env node
/**
 * `npm run validate [-- path/to/manifest.xml]`: checks the manifest offline.
 *  1. xmllint against Microsoft's published XSDs in test/fixtures/schemas (a copy of ../shared/schemas);
 *  2. the project's own rules (scripts/manifest-checks.js): resids, HTTPS, limits, both locales.
 * `office-addin-manifest validate` needs Microsoft's web service, which this machine cannot reach.
 * Exit 0 when both pass, 1 otherwise.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { checkManifest } = require('./manifest-checks');

const root = path.join(__dirname, '..');
const manifest = path.resolve(process.argv[2] || path.join(root, 'manifest.xml'));
const schema = path.resolve(process.env.MANIFEST_SCHEMAS || path.join(root, 'test', 'fixtures', 'schemas'), 'OfficeAppManifestV1_1.xsd');
let failed = false;

const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
if (probe.error) {
  console.error('xmllint not found. Install it with:  sudo apt-get install -y libxml2-utils   (Debian/Ubuntu)');
  process.exit(1);
}
if (!fs.existsSync(schema)) {
  console.error(`schema not found: ${schema} (set MANIFEST_SCHEMAS to the folder holding OfficeAppManifestV1_1.xsd)`);
  process.exit(1);
}
const lint = spawnSync('xmllint', ['--noout', '--schema', schema, manifest], { encoding: 'utf8' });
process.stderr.write(lint.stderr);
if (lint.status !== 0) failed = true;

const problems = checkManifest(fs.readFileSync(manifest, 'utf8'));
for (const p of problems) console.error(`${path.relative(process.cwd(), manifest)}: ${p}`);
if (problems.length) failed = true;
else console.log(`${path.relative(process.cwd(), manifest)}: resids, HTTPS URLs, limits and en-US/zh-* strings OK`);
process.exit(failed ? 1 : 0);
