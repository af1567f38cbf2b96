/** xmllint (Debian libxml2-utils) validates manifest.xml against Microsoft's XSDs in test/fixtures/schemas. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

describe('manifest.xml against the Office XSDs', () => {
  it('npm run validate passes (xmllint + own rules)', () => {
    const r = spawnSync('node', ['scripts/validate-manifest.js'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr + r.stdout).toMatch(/manifest\.xml validates/);
    expect(r.status).toBe(0);
  });

  it('xmllint rejects a manifest missing a required element', () => {
    const bad = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8').replace(/<Permissions>[^<]*<\/Permissions>/, '');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pga-')), 'manifest.xml');
    fs.writeFileSync(file, bad);
    const r = spawnSync('node', ['scripts/validate-manifest.js', file], { cwd: root, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/fails to validate|Permissions/);
  });
});
