/**
 * ResizeObserver for the EdgeHTML webview (Edge 18 has none; Fluent UI measures some components with it).
 * Installed only where missing, before React renders (imported by the pane's entry after polyfills.ts).
 */
import { ResizeObserver as ResizeObserverPolyfill } from '@juggle/resize-observer';

if (typeof window !== 'undefined' && typeof (window as { ResizeObserver?: unknown }).ResizeObserver === 'undefined') {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverPolyfill;
}
