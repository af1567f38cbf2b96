/**
 * Loads a TypeScript module from the repository's test/support at run time (the benchmark's Office.js
 * figures use the fake Excel and office.js's own serializer, which live in test/support and are never
 * compiled into dist/node). `.ts` files are transpiled in memory with the TypeScript compiler, a dev
 * dependency — `npm run bench` is a development command.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The repository root: dist/node/bench/ → ../../.. (or src/bench/ under ts-jest → ../..). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

let registered = false;

/** require() a .ts file (and the .ts files it imports) through the TypeScript compiler. */
export function requireTs<T>(file: string): T {
  if (!registered) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require('typescript') as typeof import('typescript');
    const exts = require.extensions as unknown as Record<string, (m: { _compile(code: string, file: string): void }, f: string) => void>;
    exts['.ts'] = (module, filename) => {
      const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
      });
      module._compile(out.outputText, filename);
    };
    registered = true;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}
