/** The pane follows Office's theme (officeTheme where the host gives it), else the system's colour scheme. */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { OfficeThemeColours } from '../../src/ui/theme';
import { GRAPHIC_TOKENS, TEXT_TOKENS, THEME_KEY, contrastRatio, isDark, luminance, officeTheme, rememberTheme, rememberedTheme, themeFor } from '../../src/ui/theme';

test('Office’s isDarkTheme wins; else the body background’s lightness; else the system', () => {
  expect(isDark({ isDarkTheme: true, bodyBackgroundColor: '#FFFFFF' }, false)).toBe(true);
  expect(isDark({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' }, false)).toBe(true); // Office “Black”
  expect(isDark({ bodyBackgroundColor: '#E6E6E6', bodyForegroundColor: '#262626' }, true)).toBe(false); // “Colorful” / “Dark Gray” bodies are light
  expect(isDark(null, true)).toBe(true);
  expect(isDark(null, false)).toBe(false);
});

test('Fluent’s dark or light theme, with Office’s body colours when they are readable', () => {
  const black = themeFor({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' }, false);
  expect(black.colorNeutralBackground1).toBe('#262626');
  expect(black.colorNeutralForeground1).toBe('#FFFFFF');
  expect(black.colorBrandBackground).toBe(webDarkTheme.colorBrandBackground);
  // Unreadable pairs are not taken: Fluent's own colours stay.
  expect(themeFor({ bodyBackgroundColor: '#777777', bodyForegroundColor: '#888888' }, false)).toBe(webLightTheme);
  expect(themeFor(null, true)).toBe(webDarkTheme);
  expect(luminance('#FFFFFF')).toBeCloseTo(1);
  expect(luminance('nonsense')).toBeNull();
  expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21);
});

/**
 * Office's themes as officeTheme reports them. Classic Colorful / Dark Gray / White: OfficeDev/office-ui-fabric-core#732
 * (Colorful body #E6E6E6 under #444444, Dark Gray #6A6A6A under #F0F0F0, White #FFFFFF under #444444); Black as Microsoft
 * 365 gives it (#262626 under #FFFFFF); and mid greys around Dark Gray's (#6E6E6E, #A6A6A6) with black or white text.
 */
const THEMES: [string, OfficeThemeColours][] = [
  ['Colorful', { bodyBackgroundColor: '#E6E6E6', bodyForegroundColor: '#444444' }],
  ['White', { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#444444' }],
  ['Black', { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', isDarkTheme: true }],
  ['Dark Gray', { bodyBackgroundColor: '#6A6A6A', bodyForegroundColor: '#F0F0F0' }],
  ['Dark Gray (dark)', { bodyBackgroundColor: '#6E6E6E', bodyForegroundColor: '#FFFFFF', isDarkTheme: true }],
  ['light grey', { bodyBackgroundColor: '#A6A6A6', bodyForegroundColor: '#000000', isDarkTheme: false }],
];

test.each(THEMES)('%s: every text colour in use keeps 4.5:1 on the background, every line 3:1', (_name, office) => {
  const theme = themeFor(office, false);
  const bg = theme.colorNeutralBackground1;
  for (const k of TEXT_TOKENS) expect({ k, ratio: contrastRatio(theme[k], bg) >= 4.5 }).toEqual({ k, ratio: true });
  for (const k of GRAPHIC_TOKENS) expect({ k, ratio: contrastRatio(theme[k], bg) >= 3 }).toEqual({ k, ratio: true });
});

test('a mid-grey Office theme (Dark Gray) falls back to Fluent’s own background; Office’s readable themes are taken', () => {
  const grey = THEMES.find(([n]) => n === 'Dark Gray')![1];
  // Office's own pair passes (4.7:1), but Fluent's secondary text on it would not: Fluent's dark theme stays whole.
  expect(contrastRatio(grey.bodyForegroundColor, grey.bodyBackgroundColor)).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(webDarkTheme.colorNeutralForeground2, grey.bodyBackgroundColor)).toBeLessThan(4.5);
  expect(themeFor(grey, false)).toBe(webDarkTheme);
  expect(themeFor(THEMES.find(([n]) => n === 'light grey')![1], true)).toBe(webLightTheme);
  expect(themeFor(THEMES.find(([n]) => n === 'Colorful')![1], true).colorNeutralBackground1).toBe('#E6E6E6');
});

test('outside Office there is no Office theme', () => {
  expect(officeTheme()).toBeNull();
  (globalThis as { Office?: unknown }).Office = { context: { officeTheme: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', isDarkTheme: true } } };
  try {
    expect(officeTheme()).toMatchObject({ isDarkTheme: true });
  } finally {
    delete (globalThis as { Office?: unknown }).Office;
  }
});

test('the last Office theme is remembered with the colours it resolved to; nonsense is forgotten', () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  expect(rememberedTheme(storage)).toBeNull();
  rememberTheme({ bodyBackgroundColor: '#6A6A6A', bodyForegroundColor: '#F0F0F0' }, storage);
  expect(rememberedTheme(storage)).toEqual({ bodyBackgroundColor: '#6A6A6A', bodyForegroundColor: '#F0F0F0' });
  // The skeleton's colours are the theme's the pane will use: Fluent's dark ones here, not Office's grey.
  expect(JSON.parse(store.get(THEME_KEY)!)).toMatchObject({
    dark: true,
    background: webDarkTheme.colorNeutralBackground1,
    foreground: webDarkTheme.colorNeutralForeground1,
    stencil: webDarkTheme.colorNeutralStencil1,
  });
  store.set(THEME_KEY, '{not json');
  expect(rememberedTheme(storage)).toBeNull();
  // Storage that refuses: nothing thrown.
  expect(() => rememberTheme({ isDarkTheme: true }, { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } })).not.toThrow();
});
