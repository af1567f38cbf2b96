/**
 * Start the pane: wait for Office, pick the host, pick the language, render. Inside Excel the Office host
 * is used. The in-memory preview over the sample workbook is chosen only when the page is NOT hosted by
 * Office (a plain browser, `npm run dev-server`, the end-to-end test): a page Office hosts is never
 * switched to the sample, however long Office.onReady takes — it shows "waiting for Excel" instead, so
 * that 考评 can never assess the sample while the user looks at their workbook.
 */
import { createRoot } from 'react-dom/client';
import type { Lang } from '../domain/types';
import { PANE } from '../i18n/pane';
import type { RemotePaneHost } from '../ui/remote';
import { mark, mountPane } from '../ui/mount';
import { PreviewWorkbook } from './PreviewWorkbook';

/** Office's display language folded to the two the product speaks (Chinese for zh-*, else English). */
export function paneLangOf(displayLanguage: string | null | undefined): Lang {
  return /^zh/i.test(displayLanguage ?? '') ? 'zh-CN' : displayLanguage ? 'en-US' : 'zh-CN';
}

interface ReadyInfo {
  host: unknown;
}

interface HostingWindow {
  location?: { search?: string; hash?: string };
  name?: string;
  sessionStorage?: { getItem(k: string): string | null };
  external?: { GetHostInfo?: unknown };
  chrome?: { webview?: unknown };
  agaveHost?: unknown;
}

/**
 * Is this page hosted by Office? The signs office.js itself reads to find its host: `_host_Info` in the
 * URL, a host-info JSON in window.name, the host info kept in sessionStorage, the webview's host object
 * (IE/EdgeHTML window.external.GetHostInfo, WebView2 window.chrome.webview, Mac agaveHost).
 */
export function hostedByOffice(w: HostingWindow = (typeof window !== 'undefined' ? window : {}) as unknown as HostingWindow): boolean {
  try {
    if (/[?&#]_host_Info=/i.test(`${w.location?.search ?? ''}${w.location?.hash ?? ''}`)) return true;
    if (w.name && /hostInfo/i.test(w.name)) return true;
    if (w.sessionStorage?.getItem('hostInfoValue')) return true;
    if (typeof w.external?.GetHostInfo !== 'undefined') return true;
    if (w.chrome?.webview) return true;
    if (typeof w.agaveHost !== 'undefined') return true;
  } catch {
    // a host object that throws on access is a host
    return true;
  }
  return false;
}

/** Office.onReady, or "no host" when office.js is absent or (outside Office only) never answers. */
export function officeReady(timeoutMs: number | null = 4000): Promise<ReadyInfo> {
  // (No globalThis in the bundles: the EdgeHTML webview lacks it.)
  const office = typeof Office !== 'undefined' ? Office : undefined;
  if (!office || typeof office.onReady !== 'function') return Promise.resolve({ host: null });
  return new Promise((resolve) => {
    const timer = timeoutMs === null ? null : setTimeout(() => resolve({ host: null }), timeoutMs);
    office.onReady((info) => {
      if (timer !== null) clearTimeout(timer);
      resolve(info as ReadyInfo);
    });
  });
}

/** Shown while Excel has not answered (both languages: Office has not said which yet). */
function WaitingForExcel({ failed }: { failed: boolean }) {
  const msg = failed ? PANE.excelDidNotStart : PANE.waitingForExcel;
  return (
    <main role="status" aria-live="polite" data-testid="waiting-for-excel" style={{ padding: 16, fontFamily: 'inherit' }}>
      <p lang="zh-CN">{msg.zh}</p>
      <p lang="en">{msg.en}</p>
    </main>
  );
}

/** How long the pane waits for Office.onReady before saying it is waiting. */
export const WAITING_AFTER_MS = 4000;

/** In preview, `?lang=en-US` chooses the language; otherwise Chinese first. */
function previewLang(): Lang {
  const q = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('lang') : null;
  return q === 'en-US' ? 'en-US' : 'zh-CN';
}

function previewWorkbook(): string | null {
  return typeof location !== 'undefined' ? new URLSearchParams(location.search).get('workbook') : null;
}

export async function boot(container: HTMLElement): Promise<void> {
  mark('pga-boot');
  const root = createRoot(container);
  const hosted = hostedByOffice();
  let info: ReadyInfo;
  if (hosted) {
    // Inside Office: wait as long as it takes; after a few seconds, say so (never the sample).
    const waiting = setTimeout(() => root.render(<WaitingForExcel failed={false} />), WAITING_AFTER_MS);
    info = await officeReady(null);
    clearTimeout(waiting);
  } else {
    info = await officeReady();
  }
  mark('pga-office-ready');
  const inExcel = !!info.host && typeof Excel !== 'undefined';
  if (hosted && !inExcel) {
    root.render(<WaitingForExcel failed />);
    return;
  }
  let host: RemotePaneHost;
  let displayLanguage: Lang | null = null;
  let footer = null;
  // The engine runs in a worker attached to the workbook on this thread (src/ui/worker/pane.ts).
  if (inExcel) {
    const [{ OfficePaneHost }, { workerPaneHost, spawnPaneWorker }] = await Promise.all([
      import(/* webpackChunkName: "office-host" */ './office-pane-host'),
      import(/* webpackChunkName: "pane-engine" */ '../ui/worker/pane'),
    ]);
    host = workerPaneHost(new OfficePaneHost(), spawnPaneWorker);
    displayLanguage = paneLangOf(Office.context.displayLanguage);
  } else {
    const [{ sampleHost, blankHost }, { paneHost }, { workerPaneHost, spawnPaneWorker }] = await Promise.all([
      import(/* webpackChunkName: "preview" */ '../hosts/memory/sample'),
      import(/* webpackChunkName: "preview" */ '../app/pane-service'),
      import(/* webpackChunkName: "pane-engine" */ '../ui/worker/pane'),
    ]);
    // `?workbook=blank` previews a workbook without a score table (the template flow).
    const memory = previewWorkbook() === 'blank' ? blankHost() : await sampleHost();
    host = workerPaneHost(paneHost(memory), spawnPaneWorker);
    footer = <PreviewWorkbook host={memory} />;
  }
  mountPane(root, { host, displayLanguage, initialLang: displayLanguage ?? previewLang(), footer });
}
