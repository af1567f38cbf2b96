/**
 * The pane follows Office's theme: `Office.context.officeTheme` where the host gives it (its
 * `isDarkTheme`, else the body background's lightness), otherwise the system's colour scheme (the
 * preview in a browser). Fluent's web light or dark theme, with Office's own body colours when they
 * keep every text colour in use readable, so the pane sits in Office's pane frame without a seam.
 *
 * From the first paint: the pane remembers the last Office theme in this browser (localStorage,
 * THEME_KEY) with the colours it resolved to; theme-boot.js, a same-origin script in taskpane.html's
 * <head> (the CSP forbids inline scripts), paints the static skeleton in them before the bundle runs.
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
    return themeColours(office?.context?.officeTheme);
  } catch {
    return null;
  }
}

/** Office's theme colours out of an unknown value (Office's object, or what was remembered); null when it is none. */
function themeColours(v: unknown): OfficeThemeColours | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const out: OfficeThemeColours = {};
  if (typeof o.bodyBackgroundColor === 'string') out.bodyBackgroundColor = o.bodyBackgroundColor;
  if (typeof o.bodyForegroundColor === 'string') out.bodyForegroundColor = o.bodyForegroundColor;
  if (typeof o.isDarkTheme === 'boolean') out.isDarkTheme = o.isDarkTheme;
  return out.bodyBackgroundColor !== undefined || out.isDarkTheme !== undefined ? out : null;
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

/** The WCAG contrast ratio of two #RRGGBB colours; 0 when either is not one. */
export function contrastRatio(a: string | undefined, b: string | undefined): number {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === null || lb === null) return 0;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Dark when Office says so, or its body background is dark; without Office, the system's preference. */
export function isDark(office: OfficeThemeColours | null, systemDark: boolean): boolean {
  if (office) {
    if (typeof office.isDarkTheme === 'boolean') return office.isDarkTheme;
    const l = luminance(office.bodyBackgroundColor);
    if (l !== null) return l < 0.18;
  }
  return systemDark;
}

type ColourToken = keyof Theme & `color${string}`;

/**
 * The Fluent colours the pane and the page put text in on the body background (src/ui/*.css and *.tsx, and
 * the Fluent components they use: Text and Spinner labels, Tab and subtle Button text, Field hints and
 * validation messages, outline Badges, Link): each must keep 4.5:1 (WCAG 1.4.3) against Office's
 * background, or Fluent's own background is kept. (Filled and tint badges and message bars bring their own.)
 * @internal exported for test/pane/theme.test.ts
 */
export const TEXT_TOKENS: readonly ColourToken[] = [
  'colorNeutralForeground1',
  'colorNeutralForeground2',
  'colorNeutralForeground3',
  'colorBrandForegroundLink',
  'colorPaletteRedForeground1',
];

/**
 * The colours the pane draws lines and controls' edges in (the chart's series and thresholds, inputs'
 * borders): 3:1 (WCAG 1.4.11) against Office's background.
 * @internal exported for test/pane/theme.test.ts
 */
export const GRAPHIC_TOKENS: readonly ColourToken[] = [
  'colorBrandForeground1',
  'colorPaletteGreenForeground1',
  'colorPaletteDarkOrangeForeground1',
  'colorPaletteBlueForeground2',
  'colorPaletteBerryForeground1',
  'colorPaletteTealForeground2',
  'colorPaletteGrapeForeground2',
  'colorPaletteBrownForeground2',
  'colorNeutralStrokeAccessible',
];

/** The backgrounds Office's body text is also put on (cards, the preview strip): it must stay readable there. */
const SURFACES: readonly ColourToken[] = ['colorNeutralBackground1', 'colorNeutralBackground2', 'colorNeutralBackground3'];

/**
 * The Fluent theme for Office's theme: web light or dark, with Office's body colours only when every text
 * colour in use keeps 4.5:1 against Office's background (and Office's text 4.5:1 against Fluent's other
 * surfaces), every graphic colour 3:1. Else Fluent's own (tested) background and text: a mid-grey Office
 * theme such as Dark Gray (body #6A6A6A under #F0F0F0, OfficeDev/office-ui-fabric-core#732) would leave
 * Fluent's secondary text at under 4:1.
 */
export function themeFor(office: OfficeThemeColours | null, systemDark: boolean): Theme {
  const base = isDark(office, systemDark) ? webDarkTheme : webLightTheme;
  const bg = office?.bodyBackgroundColor;
  const fg = office?.bodyForegroundColor;
  if (luminance(bg) === null || luminance(fg) === null) return base;
  // Only the page's own surface and text: controls keep Fluent's (tested) colours.
  const theme: Theme = { ...base, colorNeutralBackground1: bg!, colorNeutralForeground1: fg! };
  const readable =
    TEXT_TOKENS.every((k) => contrastRatio(theme[k], bg) >= 4.5) &&
    GRAPHIC_TOKENS.every((k) => contrastRatio(theme[k], bg) >= 3) &&
    SURFACES.every((k) => contrastRatio(fg, theme[k]) >= 4.5);
  return readable ? theme : base;
}

/** Where the last Office theme is remembered in this browser (read by theme-boot.js before the bundle runs). */
export const THEME_KEY = 'pga-office-theme';

/**
 * What is remembered: Office's theme, and what the skeleton needs of the theme it resolved to (theme-boot.js
 * applies these without knowing Fluent).
 */
export interface RememberedTheme {
  office: OfficeThemeColours;
  dark: boolean;
  background: string;
  foreground: string;
  stencil: string;
}

/** Keep Office's theme for the next first paint (never throws: storage may be off). */
export function rememberTheme(office: OfficeThemeColours, storage: Pick<Storage, 'getItem' | 'setItem'> | null = localStorageOrNull()): void {
  if (!storage) return;
  const theme = themeFor(office, false);
  const record: RememberedTheme = {
    office,
    dark: isDark(office, false),
    background: theme.colorNeutralBackground1,
    foreground: theme.colorNeutralForeground1,
    stencil: theme.colorNeutralStencil1,
  };
  const text = JSON.stringify(record);
  try {
    if (storage.getItem(THEME_KEY) !== text) storage.setItem(THEME_KEY, text);
  } catch {
    // full or refused: the next first paint is in the system's colours
  }
}

/** The last Office theme remembered in this browser; null when none (or unreadable). */
export function rememberedTheme(storage: Pick<Storage, 'getItem'> | null = localStorageOrNull()): OfficeThemeColours | null {
  try {
    const text = storage?.getItem(THEME_KEY);
    return text ? themeColours((JSON.parse(text) as { office?: unknown }).office) : null;
  } catch {
    return null;
  }
}

function localStorageOrNull(): Storage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/**
 * The pane's theme, following the system's scheme as it changes (Office's is read when the pane opens).
 * `remembered` (the task pane, not the page): Office's theme is kept for the next first paint, and until
 * Office gives one (outside Office: the preview) the remembered one is used — the colours the skeleton
 * was painted in, so the pane never changes colour as it takes over.
 */
export function usePaneTheme(remembered = false): Theme {
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
  const office = useMemo(() => {
    const live = officeTheme();
    return live ?? (remembered ? rememberedTheme() : null);
  }, [remembered]);
  useEffect(() => {
    const live = officeTheme();
    if (remembered && live) rememberTheme(live);
  }, [remembered]);
  return useMemo(() => themeFor(office, dark), [office, dark]);
}
