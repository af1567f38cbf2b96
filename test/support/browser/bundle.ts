/**
 * Bundle a test entry for the browser as the workbook page will be bundled: webpack for the web (ES2017),
 * ts-loader with tsconfig.web.json, one inline script (dynamic imports such as cfb in the same bundle), and
 * no Node modules (fs, crypto, stream resolve to nothing).
 */
import * as path from 'path';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export function bundleForBrowser(entry: string, outDir: string, filename: string): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        target: ['web', 'es2017'],
        entry,
        output: { path: outDir, filename, publicPath: '' },
        resolve: { extensions: ['.ts', '.js'], fallback: { fs: false, crypto: false, stream: false } },
        module: {
          parser: { javascript: { dynamicImportMode: 'eager' } },
          rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.web.json') } } }],
        },
        optimization: { splitChunks: false },
        performance: { hints: false },
      },
      (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      },
    );
  });
}
