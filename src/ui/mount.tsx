/**
 * The last step of every pane's boot, shared by the Excel task pane (src/taskpane/boot.tsx) and the WPS
 * pane (src/wps/taskpane.tsx): the page's language, the performance mark, the App over the host, then the
 * on-demand chunks when idle. Each boot finds its host its own way; what the user sees is this one App.
 */
import type { ReactNode } from 'react';
import type { Root } from 'react-dom/client';
import type { Lang } from '../domain/types';
import type { RemotePaneHost } from './remote';
import { App, PANE_CHUNKS } from './App';
import { prefetchWhenIdle } from './prefetch';

export interface MountOptions {
  host: RemotePaneHost;
  /** The host application's display language folded to zh-CN / en-US; null when the host has none. */
  displayLanguage: Lang | null;
  initialLang: Lang;
  footer?: ReactNode;
}

export function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

export function mountPane(root: Root, { host, displayLanguage, initialLang, footer = null }: MountOptions): void {
  document.documentElement.lang = initialLang;
  mark('pga-host-ready');
  root.render(<App host={host} displayLanguage={displayLanguage} initialLang={initialLang} footer={footer} />);
  // Once painted and idle: the panels' and the engine's chunks, so that the pane keeps working offline.
  prefetchWhenIdle(PANE_CHUNKS);
}
