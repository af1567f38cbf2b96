/** Runs a lint tool's command line on a fixture project under test/fixtures/lint/, with the project's config. */
import { spawn } from 'child_process';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lint');

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node <script> …args` in `cwd`: its exit code and output (a non-zero exit is a result, not an error). */
export function runNode(script: string, args: readonly string[], cwd: string): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, script), ...args], { cwd, env: { ...process.env, CI: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
