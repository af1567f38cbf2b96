/**
 * Start the pane: wait for Office, pick the host (Excel, or the in-memory preview when Office reports no
 * host), pick the language, render. Inside Excel the Office host is used; anywhere else — a plain
 * browser, `npm run dev-server`, the end-to-end test — the same pane runs over the sample workbook.
 */
import { createRoot } from 'react-dom/client';
import type { Lang } from '../../domain/types';
import type { PaneHost } from '../pane-host';
import { App } from './App';
import { PreviewWorkbook } from './PreviewWorkbook';

/** Office's display language folded to the two the product speaks (Chinese for zh-*, else English). */
export function paneLangOf(displayLanguage: string | null | undefined): Lang {
  return /^zh/i.test(displayLanguage ?? '') ? 'zh-CN' : displayLanguage ? 'en-US' : 'zh-CN';
}

interface ReadyInfo {
  host: unknown;
}

/** Office.onReady, or "no host" when office.js is absent or never answers. */
export function officeReady(timeoutMs = 4000): Promise<ReadyInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') return Promise.resolve({ host: null });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ host: null }), timeoutMs);
    office.onReady((info) => {
      clearTimeout(timer);
      resolve(info as ReadyInfo);
    });
  });
}

/** In preview, `?lang=en-US` chooses the language; otherwise Chinese first. */
function previewLang(): Lang {
  const q = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('lang') : null;
  return q === 'en-US' ? 'en-US' : 'zh-CN';
}

function previewWorkbook(): string | null {
  return typeof location !== 'undefined' ? new URLSearchParams(location.search).get('workbook') : null;
}

const mark = (name: string) => {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
};

export async function boot(container: HTMLElement): Promise<void> {
  mark('pga-boot');
  const info = await officeReady();
  mark('pga-office-ready');
  const inExcel = !!info.host && typeof (globalThis as { Excel?: unknown }).Excel !== 'undefined';
  let host: PaneHost;
  let displayLanguage: Lang | null = null;
  let footer = null;
  if (inExcel) {
    const { OfficePaneHost } = await import(/* webpackChunkName: "office-host" */ '../office-pane-host');
    host = new OfficePaneHost();
    displayLanguage = paneLangOf(Office.context.displayLanguage);
  } else {
    const { sampleHost, blankHost, paneHost } = await import(/* webpackChunkName: "preview" */ '../../hosts/memory/sample');
    // `?workbook=blank` previews a workbook without a score table (the template flow).
    const memory = previewWorkbook() === 'blank' ? blankHost() : await sampleHost();
    host = paneHost(memory);
    footer = <PreviewWorkbook host={memory} />;
  }
  const initialLang = displayLanguage ?? previewLang();
  document.documentElement.lang = initialLang;
  mark('pga-host-ready');
  createRoot(container).render(<App host={host} displayLanguage={displayLanguage} initialLang={initialLang} footer={footer} />);
}
