/**
 * src/page/engine-worker-client.ts in the single-file build (dist/考评助手.html; webpack.config.js aliases it
 * here). A page opened from a file:// URL cannot start a worker from a file beside it (an opaque origin may
 * not load a script URL as a worker), and there is no file beside it anyway: the worker's bundle — compiled on
 * its own by the `single-worker` configuration, every chunk in one — is inside the page as text, and the
 * worker starts from a Blob URL of that text. The page's CSP allows `worker-src blob:` and nothing else.
 */
import source from 'pga-single-worker-bundle?source';

let url: string | null = null;

export function createEngineWorker(): Worker {
  // One URL for every worker the page makes (the pool makes two ahead, 取消 another): the text is the same.
  if (url === null) url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url, { name: 'engine-worker' });
}
