/**
 * The pane follows Office's theme: `Office.context.officeTheme` where the host gives it (its
 * `isDarkTheme`, else the body background's lightness), otherwise the system's colour scheme (the
 * preview in a browser). Fluent's web light or dark theme, with Office's own body colours when they
 * keep text readable, so the pane sits in Office's pane frame without a seam.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Theme } from '@fluentui/react-components';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';

export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** Office's theme, when the host gives one (never throws: outside Office there is none). */
export function officeTheme(): OfficeThemeColours | null {
  try {
    // (No globalThis: the EdgeHTML webview lacks it.)
    const office = typeof Office !== 'undefined' ? (Office as unknown as { context?: { officeTheme?: OfficeThemeColours } }) : undefined;
    const theme = office?.context?.officeTheme;
    return theme && (typeof theme.bodyBackgroundColor === 'string' || typeof theme.isDarkTheme === 'boolean') ? theme : null;
  } catch {
    return null;
  }
}

/** Relative luminance (WCAG) of #RRGGBB; null when not a colour. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? '').trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** Dark when Office says so, or its body background is dark; without Office, the system's preference. */
export function isDark(office: OfficeThemeColours | null, systemDark: boolean): boolean {
  if (office) {
    if (typeof office.isDarkTheme === 'boolean') return office.isDarkTheme;
    const l = luminance(office.bodyBackgroundColor);
    if (l !== null) return l < 0.18;
  }
  return systemDark;
}

/** The Fluent theme for Office's theme: web light or dark, Office's body colours when readable (contrast ≥ 4.5). */
export function themeFor(office: OfficeThemeColours | null, systemDark: boolean): Theme {
  const base = isDark(office, systemDark) ? webDarkTheme : webLightTheme;
  const bg = luminance(office?.bodyBackgroundColor);
  const fg = luminance(office?.bodyForegroundColor);
  if (bg === null || fg === null || contrast(bg, fg) < 4.5) return base;
  // Only the page's own surface and text: controls keep Fluent's (tested) colours.
  return { ...base, colorNeutralBackground1: office!.bodyBackgroundColor!, colorNeutralForeground1: office!.bodyForegroundColor! };
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/** The pane's theme, following the system's scheme as it changes (Office's is read when the pane opens). */
export function usePaneTheme(): Theme {
  const [dark, setDark] = useState(systemDark);
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(DARK_QUERY);
    const on = () => setDark(mq.matches);
    if (typeof mq.addEventListener === 'function') mq.addEventListener('change', on);
    return () => {
      if (typeof mq.removeEventListener === 'function') mq.removeEventListener('change', on);
    };
  }, []);
  return useMemo(() => themeFor(officeTheme(), dark), [dark]);
}
