/** The pane follows Office's theme (officeTheme where the host gives it), else the system's colour scheme. */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { isDark, luminance, officeTheme, themeFor } from '../../src/ui/theme';

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
